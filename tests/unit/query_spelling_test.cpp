// "Did you mean": rare query words corrected to close words the index holds
// in many more letters, and nothing suggested for words that are fine.
#include <doctest/doctest.h>

#include "collector_letters.h"
#include "imr/api/handlers.h"
#include "query/spelling_suggester.h"

namespace {

using namespace imr;

// Letters about gabapentin, hydrocodone and therapy; one mentions "gabapentinum" once.
test::LetterIndex spelling_index() {
  test::LetterIndex index;
  for (std::size_t i = 0; i < 12; ++i) {
    std::string text = "Case Number: CM15-00" + std::to_string(20000 + i) + "\n\n";
    text += i % 2 == 0 ? "Gabapentin 600mg is requested for neuropathic pain. " : "Hydrocodone is not indicated. ";
    text += i % 3 == 0 ? "Physical therapy was completed." : "Chiropractic care was tried.";
    if (i == 5) text += " Gabapentinum was mentioned once.";
    schema::Record r = test::make_record(i);
    r.case_number = "CM15-00" + std::to_string(20000 + i);
    test::add_letter(index, r, text);
  }
  index.db.commit();
  return index;
}

struct Spelling {
  test::LetterIndex index = spelling_index();
  searcher::QueryParser parser{schema::Vocabulary::builtin()};

  std::optional<std::string> suggest(std::string_view q) const { return parser.suggest(index.db, q); }
};

}  // namespace

TEST_CASE("spelling: misspelled drug names are corrected to the letters' spelling") {
  const Spelling s;
  CHECK(s.suggest("gabapenten") == "gabapentin");
  CHECK(s.suggest("hydrocodon") == "hydrocodone");
  CHECK(s.suggest("Gabapnetin") == "gabapentin");   // two letters swapped
  CHECK(s.suggest("gabapentine") == "gabapentin");  // a misspelling the vocabulary lists
  CHECK(s.suggest("hydrocodon AND therpy") == "hydrocodone AND therapy");
  CHECK(s.suggest("(gabapenten OR chiropractic) -hydrocodon") == "(gabapentin OR chiropractic) -hydrocodone");
}

TEST_CASE("spelling: nothing is suggested for words that are fine or have no close word") {
  const Spelling s;
  CHECK_FALSE(s.suggest(""));
  CHECK_FALSE(s.suggest("gabapentin"));
  CHECK_FALSE(s.suggest("gabapentin hydrocodone therapy"));
  CHECK_FALSE(s.suggest("soma"));                 // a brand name the thesaurus knows
  CHECK_FALSE(s.suggest("xylophone"));            // nothing close
  CHECK_FALSE(s.suggest("gaba*"));                // wildcards are meant to be partial
  CHECK_FALSE(s.suggest("\"gabapenten pain\""));  // quoted text is taken as typed
  CHECK_FALSE(s.suggest("drug:gabapentin 600mg"));
  CHECK_FALSE(s.suggest("pai"));  // too short to guess
}

TEST_CASE("spelling: a word in a few letters is corrected only to one in many more") {
  const Spelling s;
  // "gabapentinum" is in 1 letter, "gabapentin" in 6: at least kMoreTimes as many.
  CHECK(s.suggest("gabapentinum") == "gabapentin");
  test::LetterIndex index;
  for (std::size_t i = 0; i < 4; ++i) {
    schema::Record r = test::make_record(i);
    test::add_letter(index, r, i < 2 ? "Tramadol was prescribed." : "Tramadole was prescribed.");
  }
  index.db.commit();
  const searcher::QueryParser parser{schema::Vocabulary::builtin()};
  CHECK_FALSE(parser.suggest(index.db, "tramadole"));  // 2 letters against 2: not "many more"
}

TEST_CASE("spelling: a misspelled drug class or category value gives the whole query corrected") {
  const Spelling s;
  CHECK(s.suggest("drug:omeprazle") == "drug:omeprazole");       // closest value the letters have
  CHECK(s.suggest("drug:carisoprodal") == "drug:carisoprodol");  // a misspelling the vocabulary lists
  CHECK(s.suggest("Drug:Gabapnetin") == "Drug:gabapentin");      // two letters swapped
  CHECK(s.suggest("class:muscle_relaxnt") == "class:muscle_relaxant");
  CHECK(s.suggest("category:imagng") == "category:imaging");
  CHECK(s.suggest("therpy drug:omeprazle -gabapentin") == "therapy drug:omeprazole -gabapentin");
}

TEST_CASE("spelling: field values that are fine or not from the vocabulary are left as typed") {
  const Spelling s;
  CHECK_FALSE(s.suggest("drug:omeprazole"));
  CHECK_FALSE(s.suggest("drug:soma"));           // a brand name the thesaurus knows
  CHECK_FALSE(s.suggest("drug:\"omeprazle\""));  // quoted values are taken as typed
  CHECK_FALSE(s.suggest("drug:omepraz*"));
  CHECK_FALSE(s.suggest("drug:xylophone"));  // nothing close
  CHECK_FALSE(s.suggest("class:opioid"));
  CHECK_FALSE(s.suggest("decision:upheldd"));  // not a vocabulary field
}

TEST_CASE("spelling: a field value some letter has is left as typed however rare") {
  Spelling s;
  // A spelling no vocabulary lists, as an index built with an older vocabulary may hold.
  schema::Record r = test::make_record(40);
  r.items.front().drugs = {"omeprazol"};
  test::add_letter(s.index, r, "Omeprazol was requested.");
  s.index.db.commit();
  CHECK_FALSE(s.suggest("drug:omeprazol"));
  CHECK(s.suggest("drug:omeprazle") == "drug:omeprazole");  // the commoner value still wins
}

TEST_CASE("spelling: /api/search shows the suggestion") {
  Spelling s;
  searcher::SearchContext ctx{s.index.db, schema::Vocabulary::builtin()};
  searcher::Request r;
  r.params.emplace("q", "gabapenten");
  const auto res = searcher::respond(ctx, [&] { return searcher::search(ctx, r); });
  REQUIRE(res.status == 200);
  CHECK(res.body["suggestion"] == "gabapentin");
  r.params.clear();
  r.params.emplace("q", "gabapentin");
  CHECK(searcher::respond(ctx, [&] { return searcher::search(ctx, r); }).body["suggestion"].is_null());
}
