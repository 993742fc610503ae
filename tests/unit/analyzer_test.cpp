// The analysis chain: ICU words, compounds, normalisation, stems.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/schema/analyzer.h"

namespace {

using imr::schema::Analyzer;
using imr::schema::Token;

std::vector<std::string> terms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.term);
  return out;
}

std::vector<std::string> analyse(std::string_view text) { return terms(Analyzer().tokens(text)); }

}  // namespace

TEST_CASE("words are case-folded and punctuation dropped") {
  CHECK(analyse("CARISOPRODOL 350MG, is; NOT indicated.") ==
        std::vector<std::string>{"carisoprodol", "350mg", "350", "mg", "is", "not", "indicated"});
}

TEST_CASE("dosages, levels, ratios and dates stay findable as typed") {
  CHECK(analyse("Norco 10/325") == std::vector<std::string>{"norco", "10/325", "10", "325"});
  CHECK(analyse("L5-S1") == std::vector<std::string>{"l5-s1", "l5", "s1"});
  CHECK(analyse("C3-C5 fusion") == std::vector<std::string>{"c3-c5", "c3", "c5", "fusion"});
  CHECK(analyse("rated at 8/10,") == std::vector<std::string>{"rated", "at", "8/10", "8", "10"});
  CHECK(analyse("on 05/23/2004.") == std::vector<std::string>{"on", "05/23/2004", "05", "23", "2004"});
}

TEST_CASE("parts of a compound take consecutive positions - the compound shares the first") {
  const auto tokens = Analyzer().tokens("the L5-S1 level", 10);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[0].position == 10);
  CHECK(tokens[1].term == "l5-s1");
  CHECK(tokens[1].compound);
  CHECK(tokens[1].position == 11);
  CHECK(tokens[2].position == 11);
  CHECK(tokens[3].position == 12);
  CHECK(tokens[4].position == 13);
}

TEST_CASE("byte offsets point into the original text") {
  const std::string text = "Soma\u00ae 350 mg \u2014 L5-S1";
  for (const Token& t : Analyzer().tokens(text)) {
    REQUIRE(t.end <= text.size());
    CHECK(imr::schema::Analyzer().tokens(text.substr(t.start, t.end - t.start)).front().term == t.term);
  }
}

TEST_CASE("a space or a dangling hyphen ends a compound") {
  CHECK(analyse("pain- Lumbar") == std::vector<std::string>{"pain", "lumbar"});
  CHECK(analyse("non-controlled") == std::vector<std::string>{"non-controlled", "non", "controlled"});
}

TEST_CASE("symbols glued to a word: c++, c#, 1+") {
  CHECK(analyse("c++ and c# with 1+ reflexes") ==
        std::vector<std::string>{"c++", "c", "and", "c#", "c", "with", "1+", "1", "reflexes"});
}

TEST_CASE("e-mail addresses and abbreviations with dots") {
  CHECK(analyse("write to john.doe@example.com") == std::vector<std::string>{"write", "to", "john.doe@example.com"});
  CHECK(analyse("M.D.") == std::vector<std::string>{"m.d"});
}

TEST_CASE("Unicode is normalised: NFKC and case folding, typographic apostrophes") {
  CHECK(analyse("\uff33\uff2f\uff2d\uff21") == std::vector<std::string>{"soma"});  // full-width
  CHECK(analyse("STRASSE Stra\u00dfe") == std::vector<std::string>{"strasse", "strasse"});
  CHECK(analyse("patient\u2019s") == std::vector<std::string>{"patient's"});
}

TEST_CASE("invalid UTF-8 and empty input never throw") {
  CHECK(analyse("").empty());
  CHECK_NOTHROW(analyse(std::string("ab\xff\xfe cd\xc3", 8)));
}

TEST_CASE("stems are Snowball English with Xapian's Z prefix, words only") {
  Analyzer a;
  CHECK(a.stem_term("relaxants") == "Zrelax");
  CHECK(a.stem_term("improvement") == "Zimprov");
  CHECK(a.stem_term("350mg").empty());
  CHECK(a.stem_term("l5-s1").empty());
}

TEST_CASE("a word that is its own stem stores no stem term") {
  Analyzer a;
  CHECK(a.indexed_stem_term("pain").empty());
  CHECK(a.indexed_stem_term("painful") == "Zpain");
  CHECK(a.indexed_stem_term("350mg").empty());
}

TEST_CASE("a stem is found through its stem term and through the word that is its own stem") {
  Analyzer a;
  CHECK(a.stem_query_terms("pains") == std::vector<std::string>{"Zpain", "pain"});
  CHECK(a.stem_query_terms("pain") == std::vector<std::string>{"Zpain", "pain"});
  CHECK(a.stem_query_terms("medically") == std::vector<std::string>{"Zmedic", "medic"});
  // "advers" stems to "adver": a letter writing "advers" never held Zadvers.
  CHECK(a.stem_query_terms("adverse") == std::vector<std::string>{"Zadvers"});
  CHECK(a.stem_query_terms("l5-s1").empty());
}
