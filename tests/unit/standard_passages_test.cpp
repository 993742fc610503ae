// Positions the index drops: the fixed sentences every letter repeats are
// indexed without positions (their words still find the letter, phrases
// inside them do not), and so is a compound's own term (its parts have them).
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/standard_passages.h"

namespace {

using imr::schema::Analyzer;
using imr::schema::StandardPassages;
using imr::schema::Token;

constexpr std::string_view kStandard =
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with\n"
    "the employer, employee, providers or the claims administrator.";

// The terms of the tokens inside standard passages, in order.
std::vector<std::string> inside_terms(const StandardPassages& passages, std::string_view text) {
  const std::vector<Token> tokens = Analyzer().tokens(text);
  const std::vector<bool> inside = passages.inside(tokens);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (inside[i]) out.push_back(tokens[i].term);
  return out;
}

// Whether a letter holding text matches the query.
bool matches(std::string_view text, const Xapian::Query& query) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  imr::schema::Record record;
  record.case_number = "CM13-0000001";
  record.source = "a.txt";
  db.add_document(imr::indexer::DocumentBuilder().build(record, text, "hash").document);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  return enquire.get_mset(0, 10).size() == 1;
}

Xapian::Query phrase(std::vector<std::string> words) {
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
}

}  // namespace

TEST_CASE("standard passages: the builtin list marks a standard sentence across line breaks and case") {
  const auto passages = StandardPassages::builtin();
  const std::string text = "Pain persists. " + std::string(kStandard) + " Soma is requested.";
  CHECK(inside_terms(*passages, text) ==
        std::vector<std::string>{
            "maximus", "federal", "services", "sent",     "the",       "complete", "case", "file",   "to",
            "an",      "expert",  "reviewer", "he/she",   "he",        "she",      "has",  "no",     "affiliation",
            "with",    "the",     "employer", "employee", "providers", "or",       "the",  "claims", "administrator"});
}

TEST_CASE("standard passages: a sentence that differs in a word is not standard") {
  const auto passages = StandardPassages::builtin();
  CHECK(inside_terms(*passages, "MAXIMUS Federal Services sent the complete case file to a nurse reviewer.").empty());
}

TEST_CASE("standard passages: a compound reaching past the passage keeps its position") {
  const auto passages = StandardPassages::from_data("test.txt", "the claims administrator\n");
  CHECK(inside_terms(*passages, "by the claims administrator-approved plan") ==
        std::vector<std::string>{"the", "claims", "administrator"});
}

TEST_CASE("standard passages: a line without words is refused with its line number") {
  CHECK_THROWS_WITH_AS(StandardPassages::from_data("test.txt", "# comment\nthe claims administrator\n--\n"),
                       doctest::Contains("test.txt line 3"), std::runtime_error);
}

TEST_CASE("standard passages: their words find the letter but phrases inside them do not") {
  const std::string text = "Pain persists. " + std::string(kStandard) + " Soma is requested.";
  CHECK(matches(text, Xapian::Query("affiliation")));
  CHECK(matches(text, phrase({"pain", "persists"})));
  CHECK(matches(text, phrase({"soma", "is", "requested"})));
  CHECK_FALSE(matches(text, phrase({"no", "affiliation"})));
  CHECK_FALSE(matches(text, phrase({"he", "she"})));
  // Nor across the passage's edge: the positions it took are skipped, not reused.
  CHECK_FALSE(matches(text, phrase({"persists", "maximus"})));
  CHECK_FALSE(matches(text, phrase({"persists", "soma"})));
}

TEST_CASE("standard passages: the words inside keep their counts") {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  imr::schema::Record record;
  record.source = "a.txt";
  const Xapian::docid id = db.add_document(
      imr::indexer::DocumentBuilder().build(record, std::string(kStandard) + " The employer.", "h").document);
  CHECK(db.get_document(id).termlist_count() > 0);
  Xapian::TermIterator t = db.termlist_begin(id);
  t.skip_to("employer");
  REQUIRE(t != db.termlist_end(id));
  CHECK(*t == "employer");
  CHECK(t.get_wdf() == 2);
  CHECK(t.positionlist_count() == 1);
}

TEST_CASE("compounds: the joined term has no positions, its parts do and phrases still match") {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  imr::schema::Record record;
  record.source = "a.txt";
  const Xapian::docid id =
      db.add_document(imr::indexer::DocumentBuilder().build(record, "fusion at L5-S1 was done", "h").document);
  CHECK(db.get_termfreq("l5-s1") == 1);
  CHECK(db.positionlist_begin(id, "l5-s1") == db.positionlist_end(id, "l5-s1"));
  CHECK(db.positionlist_begin(id, "l5") != db.positionlist_end(id, "l5"));
  CHECK(matches("fusion at L5-S1 was done", phrase({"at", "l5", "s1", "was"})));
  CHECK(matches("fusion at L5-S1 was done", Xapian::Query("l5-s1")));
}
