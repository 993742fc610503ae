// QueryParser, the searcher's entry point, with and without the built-in
// vocabularies.
#include <doctest/doctest.h>

#include "imr/query/query_parser.h"
#include "imr/schema/vocabulary.h"
#include "query_test_index.h"

namespace {

using imr::searcher::QueryParser;
using query_test::Names;
using query_test::sorted;

struct Fixture {
  Fixture() {
    index.add("BRAND", "She has been prescribed Soma in the past.");
    index.add("GENERIC", "Carisoprodol 350mg is not recommended for long term use.");
    index.add("PT", "PT 2x6 for the knee.");
    index.add("PHYSICAL", "Physical therapy for the knee.");
    index.add("OTHER", "A lumbar MRI was requested.");
  }
  Names find(const QueryParser& parser, std::string_view q) const { return sorted(index.find(parser.parse(q).query)); }

  query_test::TestIndex index;
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "without a vocabulary, words find only themselves") {
  const QueryParser parser(nullptr);
  CHECK(find(parser, "soma") == Names{"BRAND"});
  CHECK(find(parser, "pt") == Names{"PT"});
  CHECK(find(parser, "knee -pt") == Names{"PHYSICAL"});
  CHECK_THROWS_AS(parser.parse("soma AND"), imr::searcher::QueryError);
}

TEST_CASE_FIXTURE(Fixture, "limits given to the parser are applied") {
  imr::searcher::QueryLimits limits;
  limits.max_query_bytes = 10;
  const QueryParser parser(nullptr, limits);
  CHECK_THROWS_WITH(parser.parse("carisoprodol"), "the query is 12 bytes; the limit is 10");
}

TEST_CASE_FIXTURE(Fixture, "with the built-in vocabulary: brands and generics, abbreviations, fields") {
  const QueryParser parser(imr::schema::Vocabulary::builtin());
  CHECK(find(parser, "soma") == Names{"BRAND", "GENERIC"});
  CHECK(find(parser, "carisoprodol") == Names{"BRAND", "GENERIC"});
  CHECK(find(parser, "pt") == Names{"PHYSICAL", "PT"});
  CHECK(find(parser, "physical therapy") == Names{"PHYSICAL", "PT"});
  CHECK(parser.parse("drug:soma").item_fields ==
        std::vector<std::pair<std::string, std::string>>{{"drug", "carisoprodol"}});
  CHECK(parser.parse("state:california").query.serialise() == parser.parse("state:CA").query.serialise());
}
