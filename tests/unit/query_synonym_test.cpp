// The query parser's synonyms: drug names find their other names and items,
// abbreviations find their expansions and back, with a small known thesaurus.
#include <doctest/doctest.h>

#include "query_test_index.h"

namespace {

using imr::searcher::Highlight;
using query_test::Names;
using query_test::sorted;

imr::schema::Record with_drug(const std::string& case_number, std::vector<std::string> drugs) {
  imr::schema::Record r;
  r.case_number = case_number;
  imr::schema::Item item;
  item.drugs = std::move(drugs);
  item.category = "medication";
  item.decision = "upheld";
  r.items = {item};
  return r;
}

struct Fixture {
  Fixture() {
    index.add("BRAND", "She has been prescribed Soma in the past.");
    index.add("GENERIC", "Carisoprodol is not recommended for long term use.");
    index.add(with_drug("ITEM-ONLY", {"carisoprodol"}), "The requested muscle relaxant is not indicated.");
    index.add("COMBO", "Soma Compound was tried.");
    index.add("VICODIN", "Vicodin was tried.");
    index.add("HYDROCODONE", "Hydrocodone alone.");
    index.add("PT", "PT 2x6 for the knee.");
    index.add("PHYSICAL", "Physical therapy for the knee.");
    index.add("SEPARATE", "Therapy was physical in nature.");
    index.add("MRI", "An MRI of the lumbar spine.");
    index.add("LONG", "Magnetic resonance imaging of the lumbar spine.");
  }
  Names find(std::string_view q) const { return sorted(index.find(parser.parse(q).query)); }

  query_test::TestIndex index;
  query_test::SmallThesaurus thesaurus;
  query_test::Parser parser{thesaurus};
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "a brand finds its generic, items of the generic, and back") {
  CHECK(find("soma") == Names{"BRAND", "COMBO", "GENERIC", "ITEM-ONLY"});
  CHECK(find("carisoprodol") == Names{"BRAND", "COMBO", "GENERIC", "ITEM-ONLY"});
}

TEST_CASE_FIXTURE(Fixture, "a combination brand finds brands of the same combination, not single ingredients") {
  CHECK(find("norco") == Names{"VICODIN"});
  CHECK(find("hydrocodone") == Names{"HYDROCODONE"});
}

TEST_CASE_FIXTURE(Fixture, "quoted drug names are exact") {
  CHECK(find("\"soma\"") == Names{"BRAND", "COMBO"});
  CHECK(find("\"carisoprodol\"") == Names{"GENERIC"});
}

TEST_CASE_FIXTURE(Fixture, "abbreviations find their expansion as a phrase, and back") {
  CHECK(find("pt") == Names{"PHYSICAL", "PT"});
  CHECK(find("physical therapy") == Names{"PHYSICAL", "PT", "SEPARATE"});
  CHECK(find("mri") == Names{"LONG", "MRI"});
  CHECK(find("magnetic resonance imaging lumbar") == Names{"LONG", "MRI"});
  CHECK(find("knee physical therapy") == Names{"PHYSICAL", "PT"});
  CHECK(find("\"physical therapy\"") == Names{"PHYSICAL"});
}

TEST_CASE_FIXTURE(Fixture, "synonym expansions are highlighted - drug items are item fields") {
  const auto q = parser.parse("soma pt");
  using K = Highlight::Kind;
  std::vector<std::pair<K, Names>> got;
  for (const auto& h : q.highlights) got.emplace_back(h.kind, h.terms);
  const std::vector<std::pair<K, Names>> expected{{K::term, {"soma"}},         {K::stem, {"Zsoma"}},
                                                  {K::term, {"carisoprodol"}}, {K::term, {"pt"}},
                                                  {K::stem, {"Zpt"}},          {K::phrase, {"physical", "therapy"}}};
  CHECK(got == expected);
  CHECK(q.item_fields == std::vector<std::pair<std::string, std::string>>{{"drug", "carisoprodol"}});
  CHECK(parser.parse("-soma").highlights.empty());
  CHECK(parser.parse("-soma").item_fields.empty());
}
