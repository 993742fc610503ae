// The query parser on queries a person must fix: each gives a QueryError that
// says what is wrong and where, and no input makes it crash or hang.
#include <doctest/doctest.h>

#include <random>

#include "imr/query/parsed_query.h"
#include "query_test_index.h"

namespace {

using imr::searcher::QueryError;

std::string error_of(std::string_view q, imr::searcher::QueryLimits limits = {}) {
  imr::searcher::EmptyThesaurus none;
  const query_test::Parser parser(none, limits);
  try {
    parser.parse(q);
  } catch (const QueryError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("unbalanced quotes and parentheses say where") {
  CHECK(error_of("soma \"muscle relaxant") == "unbalanced quote at character 6: add the closing \"");
  CHECK(error_of("drug:\"soma") == "unbalanced quote at character 6: add the closing \"");
  CHECK(error_of("soma (norco OR baclofen") == "unbalanced parenthesis at character 6: add the closing )");
  CHECK(error_of("soma) norco") == "unbalanced parenthesis at character 5: this ) closes nothing");
  CHECK(error_of(")") == "unbalanced parenthesis at character 1: this ) closes nothing");
  CHECK(error_of("soma (") == "unbalanced parenthesis at character 6: add the closing )");
  CHECK(error_of("((") == "unbalanced parenthesis at character 2: add the closing )");
  CHECK(error_of("soma ()") == "empty parentheses at character 6");
}

TEST_CASE("operators need operands") {
  CHECK(error_of("soma AND") == "AND at character 6 has nothing after it");
  CHECK(error_of("soma OR") == "OR at character 6 has nothing after it");
  CHECK(error_of("OR soma") == "OR at character 1 has nothing before it");
  CHECK(error_of("AND soma") == "AND at character 1 has nothing before it");
  CHECK(error_of("soma AND OR norco") == "AND at character 6 has nothing after it");
  CHECK(error_of("soma NOT") == "NOT at character 6 has nothing after it");
  CHECK(error_of("(soma NOT) norco") == "NOT at character 7 has nothing after it");
  CHECK(error_of("soma -") == "(no error)");  // a lone hyphen is punctuation
}

TEST_CASE("fields: unknown names list the known ones - values must be there") {
  const std::string unknown = error_of("soma colour:red");
  CHECK(unknown.starts_with(
      "unknown field \"colour\" at character 6; known fields: case, decision, outcome, drug, class"));
  CHECK(unknown.find("decided, injury") != std::string::npos);
  CHECK(error_of("drug:") == "field drug: at character 1 has no value; write it as drug:value or drug:\"two words\"");
  CHECK(error_of("(drug:)") == "field drug: at character 2 has no value; write it as drug:value or drug:\"two words\"");
  CHECK(error_of("drug:\"\"") == "field drug: at character 1 has an empty value");
  CHECK(error_of("colour: red") == "(no error)");  // not a field: a colon then a space
}

TEST_CASE("bad dates and ranges") {
  CHECK(error_of("injury:2015..2014") ==
        "injury:2015..2014 at character 1: the range 2015..2014 ends before it starts");
  CHECK(error_of("decided:2014-13") ==
        "decided:2014-13 at character 1: \"2014-13\" is not a date; write yyyy, yyyy-mm, yyyy-mm-dd or mm/dd/yyyy "
        "(e.g. 2014-03-05)");
  CHECK(error_of("decided:2014-02-30").find("\"2014-02-30\" is not a date") != std::string::npos);
  CHECK(error_of("decided:soon").find("\"soon\" is not a date") != std::string::npos);
  CHECK(error_of("decided:..").find("a date range needs at least one end") != std::string::npos);
  CHECK(error_of("decided:2014...2015").find("is not a date") != std::string::npos);
}

TEST_CASE("wildcards need a word of two characters") {
  CHECK(error_of("g*") == "the wildcard g* at character 1 needs one word of at least 2 characters before the *");
  CHECK(error_of("soma *") == "the wildcard * at character 6 needs one word of at least 2 characters before the *");
  CHECK(error_of("ga*") == "(no error)");
}

TEST_CASE("control characters and invalid UTF-8") {
  CHECK(error_of(std::string("soma\x01", 5)) == "the query contains a control character at character 5; remove it");
  CHECK(error_of("caf\xc3\xa9 \xc2\x85") == "the query contains a control character at character 6; remove it");
  CHECK(error_of("caf\xc3\xa9 \xff") ==
        "the query is not valid UTF-8 at character 6; retype the query or paste it as plain text");
  CHECK(error_of("\xc0\xaf") ==
        "the query is not valid UTF-8 at character 1; retype the query or paste it as plain text");
  CHECK(error_of("\xed\xa0\x80") != "(no error)");  // a UTF-16 surrogate
  CHECK(error_of("soma\tnorco\r\n") == "(no error)");
}

TEST_CASE("limits: length, terms, nesting") {
  CHECK(error_of(std::string(9000, 'a')) == "the query is 9000 bytes; the limit is 4096");
  std::string many;
  for (int i = 0; i < 65; ++i) many.append("w").append(std::to_string(i)).append(" ");
  CHECK(error_of(many) == "the query has more than 64 terms, the limit; shorten it");
  CHECK(error_of(many.substr(0, many.find("w64"))) == "(no error)");
  CHECK(error_of(std::string(32, '(') + "soma" + std::string(32, ')')) == "(no error)");
  CHECK(error_of(std::string(33, '(') + "soma" + std::string(33, ')')) ==
        "parentheses nested more than 32 deep at character 33");
}

TEST_CASE("random bytes never crash or hang the parser") {
  imr::searcher::EmptyThesaurus none;
  const query_test::Parser parser(none);
  std::mt19937 rng(12345);
  const std::string alphabet = "ab \"()-*:.AND OR NOT drug:decided:2014..\xc3\xa9\xff\x01/";
  for (int i = 0; i < 3000; ++i) {
    std::string q;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) q += alphabet[rng() % alphabet.size()];
    try {
      parser.parse(q);
    } catch (const QueryError&) {
    }
  }
  const std::string deep(4000, '(');
  CHECK_THROWS_AS(parser.parse(deep), QueryError);
  CHECK_NOTHROW(parser.parse(std::string(2000, '-') + "soma"));
}
