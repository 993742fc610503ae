// PhraseMatcher: leftmost-longest matching of analysed word sequences.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "schema/src/phrase_matcher.h"

namespace {

using imr::schema::Analyzer;
using imr::schema::PhraseMatcher;
using Words = std::vector<std::string>;

PhraseMatcher matcher_of(const std::vector<Words>& phrases) {
  PhraseMatcher m;
  for (std::size_t i = 0; i < phrases.size(); ++i) m.add(phrases[i], static_cast<PhraseMatcher::Id>(i));
  return m;
}

}  // namespace

TEST_CASE("phrase matcher: the longest phrase wins at each point") {
  const auto m = matcher_of({{"physical"}, {"physical", "therapy"}, {"physical", "therapy", "evaluation"}});
  CHECK(m.find_all(Words{"physical", "therapy", "sessions"}) == std::vector<PhraseMatcher::Match>{{0, 2, 1}});
  CHECK(m.find_all(Words{"physical", "therapy", "evaluation"}) == std::vector<PhraseMatcher::Match>{{0, 3, 2}});
  CHECK(m.find_all(Words{"a", "physical", "exam"}) == std::vector<PhraseMatcher::Match>{{1, 2, 0}});
}

TEST_CASE("phrase matcher: overlapping phrases are taken left to right without overlap") {
  const auto m = matcher_of({{"a", "b"}, {"b", "c"}, {"c"}});
  CHECK(m.find_all(Words{"a", "b", "c"}) == std::vector<PhraseMatcher::Match>{{0, 2, 0}, {2, 3, 2}});
  CHECK(m.find_all(Words{"b", "c", "a", "b"}) == std::vector<PhraseMatcher::Match>{{0, 2, 1}, {2, 4, 0}});
}

TEST_CASE("phrase matcher: a partial phrase does not match") {
  const auto m = matcher_of({{"medial", "branch", "block"}});
  CHECK(m.find_all(Words{"medial", "branch", "nerve"}).empty());
  CHECK_FALSE(m.find_exact(Words{"medial", "branch"}));
  CHECK(m.find_exact(Words{"medial", "branch", "block"}) == 0u);
  CHECK_FALSE(m.find_exact(Words{"medial", "branch", "block", "x"}));
}

TEST_CASE("phrase matcher: empty input and empty phrases") {
  PhraseMatcher m;
  CHECK(m.find_all(Words{}).empty());
  CHECK(m.find_all(Words{"anything"}).empty());
  CHECK_FALSE(m.find_exact(Words{}));
  CHECK_THROWS_AS(m.add(Words{}, 1), std::invalid_argument);
  CHECK(m.size() == 0);
}

TEST_CASE("phrase matcher: adding a phrase twice keeps its first id") {
  PhraseMatcher m;
  CHECK(m.add(Words{"soma"}, 3) == 3u);
  CHECK(m.add(Words{"soma"}, 7) == 3u);
  CHECK(m.add(Words{"somas"}, 7) == 3u);  // the same word in the plural
  CHECK(m.add(Words{"tens"}, 8) == 8u);   // four letters: an abbreviation, not "ten"
  CHECK(m.size() == 2);
}

TEST_CASE("phrase matcher: words are compared in singular form") {
  CHECK(PhraseMatcher::key_of("injections") == "injection");
  CHECK(PhraseMatcher::key_of("therapies") == "therapy");
  CHECK(PhraseMatcher::key_of("patches") == "patch");
  CHECK(PhraseMatcher::key_of("nsaids") == "nsaid");
  CHECK(PhraseMatcher::key_of("class") == "class");
  CHECK(PhraseMatcher::key_of("status") == "status");
  CHECK(PhraseMatcher::key_of("analysis") == "analysis");
  CHECK(PhraseMatcher::key_of("350") == "350");
  CHECK(PhraseMatcher::key_of("tens") == "tens");
  CHECK(PhraseMatcher::key_of("labs") == "labs");
  const auto m = matcher_of({{"trigger", "point", "injection"}});
  CHECK(m.find_all(Words{"trigger", "point", "injections"}).size() == 1);
}

TEST_CASE("phrase matcher: compound tokens are skipped, their parts are matched") {
  const Analyzer analyzer;
  PhraseMatcher m;
  m.add(PhraseMatcher::words_of(analyzer.tokens("Norco")), 0);
  m.add(PhraseMatcher::words_of(analyzer.tokens("EMG/NCV")), 1);
  const auto tokens = analyzer.tokens("NORCO 10/325mg and EMG/NCV studies");
  const auto found = m.find_all(tokens);
  REQUIRE(found.size() == 2);
  CHECK(tokens[found[0].begin].term == "norco");
  CHECK(found[0].id == 0u);
  // Indices point into the token span, which also holds the compound "emg/ncv".
  CHECK(tokens[found[1].begin].term == "emg");
  CHECK(tokens[found[1].end - 1].term == "ncv");
  CHECK(found[1].id == 1u);
}
