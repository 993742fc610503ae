// The query parser on free text: words, stems, compounds, phrases, operators
// and wildcards, checked by what they find in a small index.
#include <cctype>

#include <doctest/doctest.h>

#include "query_test_index.h"

namespace {

using imr::searcher::EmptyThesaurus;
using imr::searcher::Highlight;
using query_test::Names;
using query_test::sorted;

constexpr std::string_view kSoma =
    "Carisoprodol 350mg TA #120 with 3 refills. L5-S1 moor strength was diminished in the lower extremities. "
    "He notes that there has been difficulty obtaining authorization for Norco 10/325 and Soma. "
    "MTUS Chronic Pain Treatment Guidelines Muscle relaxants for pain Page(s): 63.";
constexpr std::string_view kBaclofen =
    "Other muscle relaxants such as baclofen have failed in the past. She injured her back lifting boxes at 10:30 am.";
constexpr std::string_view kTherapy =
    "Physical therapy twice a week for six weeks is requested for the left knee. Gabapentin 600 mg was continued.";

struct Fixture {
  Fixture() {
    index.add("CM-SOMA", kSoma);
    index.add("CM-BACLOFEN", kBaclofen);
    index.add("CM-THERAPY", kTherapy);
  }
  Names find(std::string_view q) const { return sorted(index.find(parser.parse(q).query)); }

  query_test::TestIndex index;
  EmptyThesaurus thesaurus;
  query_test::Parser parser{thesaurus, {}, &index};
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a word finds letters with it, in any case") {
  CHECK(find("baclofen") == Names{"CM-BACLOFEN"});
  CHECK(find("CARISOPRODOL") == Names{"CM-SOMA"});
  CHECK(find("nothingsuch").empty());
}

TEST_CASE_FIXTURE(Fixture, "several words must all be present") {
  CHECK(find("muscle relaxants") == Names{"CM-BACLOFEN", "CM-SOMA"});
  CHECK(find("muscle baclofen") == Names{"CM-BACLOFEN"});
  CHECK(find("muscle knee").empty());
}

TEST_CASE_FIXTURE(Fixture, "a word finds the other forms of its stem") {
  CHECK(find("relaxant") == Names{"CM-BACLOFEN", "CM-SOMA"});
  CHECK(find("injuring") == Names{"CM-BACLOFEN"});
  CHECK(find("requests") == Names{"CM-THERAPY"});
}

TEST_CASE("a word finds the letters that hold only its stem as a word") {
  EmptyThesaurus none;
  // "pain" is its own stem, so the stem table does not list it: the query adds it.
  query_test::TestIndex index;
  const query_test::Parser parser(none, {}, &index);
  index.add("OWN-STEM", "the patient reports pain at night");
  index.add("OTHER-FORM", "the patient reports painful knees");
  index.add("NEITHER", "the patient reports numbness at night");
  for (std::string_view q : {"pain", "pains", "painful"})
    CHECK(sorted(index.find(parser.parse(q).query)) == Names{"OTHER-FORM", "OWN-STEM"});
}

// What a stemmed word must find: every letter holding some word with its stem.
Names letters_with_stem(const query_test::TestIndex& index, std::string_view word) {
  const imr::schema::Analyzer analyzer;
  const std::string stem = analyzer.stem_term(word);
  std::vector<Xapian::Query> words;
  for (auto it = index.db().allterms_begin(); it != index.db().allterms_end(); ++it)
    if (analyzer.stem_term(*it) == stem && std::islower(static_cast<unsigned char>((*it).front())))
      words.emplace_back(*it);
  return sorted(index.find(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end())));
}

TEST_CASE("a stemmed word finds exactly the letters holding a word with its stem, after replacements and deletions") {
  EmptyThesaurus none;
  query_test::TestIndex index;
  const query_test::Parser parser(none, {}, &index);
  index.add("A", "it is medically necessary to continue walking");
  index.add("B", "the medical records show injections were necessary");
  index.add("C", "no medication is needed; an injection and a walk are advised");
  index.add("D", "medic notes: walks daily, injected twice, necessity unclear");
  index.add("B", "the records show nothing of note");  // replaced: its words are gone
  index.remove("C");
  const Names expected_walk{"A", "D"};
  CHECK(letters_with_stem(index, "walking") == expected_walk);
  for (std::string_view q : {"medically", "necessary", "injections", "walking", "walk", "medic", "medication"}) {
    CAPTURE(q);
    CHECK(sorted(index.find(parser.parse(q).query)) == letters_with_stem(index, q));
  }
}

TEST_CASE("exact matches rank above matches of the stem alone") {
  query_test::TestIndex index;
  index.add("STEM-ONLY", "the patient takes her medication daily with food");
  index.add("EXACT", "the patient takes her medications daily with food");
  EmptyThesaurus none;
  const query_test::Parser parser(none, {}, &index);
  CHECK(index.find(parser.parse("medications").query) == Names{"EXACT", "STEM-ONLY"});
  CHECK(index.find(parser.parse("medication").query) == Names{"STEM-ONLY", "EXACT"});
}

TEST_CASE_FIXTURE(Fixture, "compounds are found as written and as separate parts") {
  CHECK(find("L5-S1") == Names{"CM-SOMA"});
  CHECK(find("l5/s1") == Names{"CM-SOMA"});
  CHECK(find("10/325") == Names{"CM-SOMA"});
  CHECK(find("350mg") == Names{"CM-SOMA"});
  CHECK(find("600mg") == Names{"CM-THERAPY"});  // the letter writes "600 mg"
  CHECK(find("10:30") == Names{"CM-BACLOFEN"});
  CHECK(find("L5-S2").empty());
}

TEST_CASE_FIXTURE(Fixture, "quoted phrases need the words in order, across compounds") {
  CHECK(find("\"L5-S1 moor strength\"") == Names{"CM-SOMA"});
  CHECK(find("\"S1 moor strength\"") == Names{"CM-SOMA"});
  CHECK(find("\"Norco 10/325\"") == Names{"CM-SOMA"});
  CHECK(find("\"Carisoprodol 350mg TA #120\"") == Names{"CM-SOMA"});
  CHECK(find("\"Guidelines Muscle relaxants for pain Page(s): 63.\"") == Names{"CM-SOMA"});
  CHECK(find("\"strength moor\"").empty());
  CHECK(find("\"muscle relaxants\"") == Names{"CM-BACLOFEN", "CM-SOMA"});
  CHECK(find("\"physical therapy twice\"") == Names{"CM-THERAPY"});
}

TEST_CASE_FIXTURE(Fixture, "phrases do not match stems") {
  CHECK(find("\"muscle relaxant\"").empty());
  CHECK(find("\"relaxant\"").empty());
  CHECK(find("\"relaxants\"") == Names{"CM-BACLOFEN", "CM-SOMA"});
}

TEST_CASE("any stretch of a letter typed in quotes finds the letter") {
  query_test::TestIndex index;
  index.add("SEED", kSoma);
  EmptyThesaurus none;
  const query_test::Parser parser(none);
  for (std::size_t start = 0; start < kSoma.size(); start += 37) {
    std::string stretch(kSoma.substr(start, 90));
    std::erase(stretch, '"');
    const auto words = std::count(stretch.begin(), stretch.end(), ' ');
    // A stretch cut inside a word is not the letter's word any more.
    const std::size_t first = stretch.find(' ') + 1, last = stretch.rfind(' ');
    if (words < 3) continue;
    const std::string inner = stretch.substr(first, last - first);
    CAPTURE(inner);
    CHECK(index.find(parser.parse("\"" + inner + "\"").query) == Names{"SEED"});
  }
}

TEST_CASE_FIXTURE(Fixture, "AND, OR, NOT, minus and parentheses") {
  CHECK(find("baclofen OR gabapentin") == Names{"CM-BACLOFEN", "CM-THERAPY"});
  CHECK(find("muscle AND baclofen") == Names{"CM-BACLOFEN"});
  CHECK(find("muscle NOT baclofen") == Names{"CM-SOMA"});
  CHECK(find("muscle -baclofen") == Names{"CM-SOMA"});
  CHECK(find("muscle -\"other muscle\"") == Names{"CM-SOMA"});
  CHECK(find("(baclofen OR knee) pain").empty());
  CHECK(find("(baclofen OR knee) muscle") == Names{"CM-BACLOFEN"});
  CHECK(find("-(baclofen OR knee)") == Names{"CM-SOMA"});
  CHECK(find("NOT NOT baclofen") == Names{"CM-BACLOFEN"});
}

TEST_CASE_FIXTURE(Fixture, "precedence: NOT before AND before OR") {
  // knee OR (muscle AND NOT baclofen)
  CHECK(find("knee OR muscle NOT baclofen") == Names{"CM-SOMA", "CM-THERAPY"});
  // (baclofen AND muscle) OR knee
  CHECK(find("baclofen muscle OR knee") == Names{"CM-BACLOFEN", "CM-THERAPY"});
  CHECK(find("baclofen AND muscle OR knee") == Names{"CM-BACLOFEN", "CM-THERAPY"});
  CHECK(find("baclofen AND (muscle OR knee)") == Names{"CM-BACLOFEN"});
}

TEST_CASE_FIXTURE(Fixture, "lower-case and/or/not are words") {
  index.add("CM-WORDS", "rest and ice or heat, not surgery");
  CHECK(find("ice and heat") == Names{"CM-WORDS"});
  CHECK(find("\"or heat not\"") == Names{"CM-WORDS"});
}

TEST_CASE_FIXTURE(Fixture, "a query of only negations means every other letter") {
  CHECK(find("-baclofen") == Names{"CM-SOMA", "CM-THERAPY"});
  CHECK(find("NOT muscle") == Names{"CM-THERAPY"});
  CHECK(find("-baclofen -knee") == Names{"CM-SOMA"});
}

TEST_CASE_FIXTURE(Fixture, "trailing wildcards find every word with the prefix") {
  CHECK(find("gaba*") == Names{"CM-THERAPY"});
  CHECK(find("relax*") == Names{"CM-BACLOFEN", "CM-SOMA"});
  CHECK(find("L5-S*") == Names{"CM-SOMA"});
  CHECK(find("zzz*").empty());
}

TEST_CASE("a wildcard that expands to too many terms fails when searched") {
  query_test::TestIndex index;
  std::string text;
  for (int i = 0; i < 30; ++i) text += "ab" + std::to_string(1000 + i) + "x ";
  index.add("MANY", text);
  EmptyThesaurus none;
  imr::searcher::QueryLimits limits;
  limits.max_wildcard_expansion = 10;
  const query_test::Parser parser(none, limits);
  CHECK_THROWS_AS(index.find(parser.parse("ab*").query), Xapian::WildcardError);
  CHECK(index.find(parser.parse("ab1000*").query) == Names{"MANY"});
}

TEST_CASE_FIXTURE(Fixture, "text with nothing searchable finds nothing - an empty query is every letter") {
  CHECK(find("...").empty());
  const auto blank = parser.parse("  \t ");
  CHECK(blank.empty);
  CHECK(sorted(index.find(blank.query)) == Names{"CM-BACLOFEN", "CM-SOMA", "CM-THERAPY"});
  CHECK_FALSE(parser.parse("baclofen").empty);
}

TEST_CASE_FIXTURE(Fixture, "'Page(s): 63' and a time are text, not fields") {
  CHECK(find("Page(s): 63") == Names{"CM-SOMA"});
  CHECK(find("am 10:30") == Names{"CM-BACLOFEN"});
  CHECK(find("boxes: lifting") == Names{"CM-BACLOFEN"});
}

TEST_CASE_FIXTURE(Fixture, "highlights: terms, stems, prefixes and phrases, never negated parts") {
  const auto q = parser.parse("relaxants \"moor strength\" gaba* L5-S1 -baclofen NOT (knee OR \"left knee\")");
  using K = Highlight::Kind;
  std::vector<std::pair<K, Names>> got;
  for (const auto& h : q.highlights) got.emplace_back(h.kind, h.terms);
  const std::vector<std::pair<K, Names>> expected{
      {K::term, {"relaxants"}}, {K::stem, {"Zrelax"}}, {K::phrase, {"moor", "strength"}},
      {K::prefix, {"gaba"}},    {K::term, {"l5-s1"}},  {K::phrase, {"l5", "s1"}}};
  CHECK(got == expected);
  CHECK(q.item_fields.empty());
}
