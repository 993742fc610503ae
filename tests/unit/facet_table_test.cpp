// The facet table round-trips and refuses corrupt bytes.
#include <doctest/doctest.h>

#include "imr/schema/facet_table.h"

using namespace imr::schema;

TEST_CASE("a record's facet table encodes and decodes letter and item rows") {
  Record r;
  r.reviewer.certifications = {"Anesthesiology", "Pain Management"};
  r.reviewer.license_states = {"TN"};
  r.dates.decision = "2015-01-02";
  r.items = {{.treatment = "Norco",
              .drugs = {"hydrocodone", "acetaminophen"},
              .category = "medication",
              .drug_class = "opioid",
              .decision = "upheld",
              .guidelines = {"mtus-chronic-pain"}},
             {.treatment = "PT", .category = "physical_therapy", .decision = "overturned"}};
  r.outcome = outcome_of(r.items);
  const std::string blob = encode_facet_table(facet_table_of(r));
  FacetTableView view;
  view.parse(blob);
  REQUIRE(view.item_count() == 2);
  std::vector<std::string> letter;
  for (auto v : view.letter()) letter.emplace_back(v.value);
  CHECK(letter ==
        std::vector<std::string>{"partially_overturned", "Anesthesiology", "Pain Management", "TN", "2015", "2015-01"});
  CHECK(view.item(0).size() == 6);
  CHECK(view.item(0)[1].field == FieldId::drug);
  CHECK(view.item(0)[1].value == "hydrocodone");
  CHECK(view.item(1).size() == 2);
  CHECK(view.item(1)[0].value == "overturned");
}

TEST_CASE("corrupt facet tables throw instead of reading out of bounds") {
  FacetTableView view;
  CHECK_THROWS(view.parse(""));
  CHECK_THROWS(view.parse("\x02"));
  const std::string good = encode_facet_table({{{FieldId::outcome, "upheld"}}, {}});
  for (std::size_t cut = 0; cut < good.size(); ++cut) CHECK_THROWS(view.parse(good.substr(0, cut)));
  std::string bad_field = good;
  bad_field[3] = '\x7f';
  CHECK_THROWS(view.parse(bad_field));
}

TEST_CASE("outcome of items") {
  CHECK_FALSE(outcome_of({}).has_value());
  CHECK(outcome_of({{.decision = "upheld"}}) == "upheld");
  CHECK(outcome_of({{.decision = "overturned"}}) == "overturned");
  CHECK(outcome_of({{.decision = "upheld"}, {.decision = "overturned"}}) == "partially_overturned");
}
