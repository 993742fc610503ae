// Outcome stats: items of matching letters that satisfy the item-level
// filters, grouped by a field, against counts taken from the records.
#include <doctest/doctest.h>

#include "collector_letters.h"
#include "imr/collector/outcome_stats.h"

namespace {

using namespace imr;

struct Row {
  std::size_t items = 0, upheld = 0, overturned = 0;
};

std::string describe(const std::map<std::string, Row>& rows) {
  std::string out;
  for (const auto& [v, r] : rows)
    out +=
        v + ":" + std::to_string(r.items) + "/" + std::to_string(r.upheld) + "/" + std::to_string(r.overturned) + " ";
  return out;
}

std::map<std::string, Row> expected(const test::LetterIndex& index, const test::FilterList& filters,
                                    const std::string& by) {
  std::map<std::string, Row> out;
  for (const auto& r : index.records) {
    if (!test::letter_ok(r, filters)) continue;
    for (const auto& item : r.items) {
      if (!test::item_ok(item, filters)) continue;
      const auto values = test::is_item_field(by) ? test::values_of(item, by) : test::values_of(r, by);
      for (const std::string& v : std::set<std::string>(values.begin(), values.end())) {
        Row& row = out[v];
        ++row.items;
        (item.decision == "upheld" ? row.upheld : row.overturned)++;
      }
    }
  }
  return out;
}

std::map<std::string, Row> actual(const std::vector<searcher::StatsRow>& rows) {
  std::map<std::string, Row> out;
  for (const auto& r : rows) {
    out[r.value] = {r.items, r.upheld, r.overturned};
    CHECK(r.overturn_rate() == doctest::Approx(double(r.overturned) / double(r.items)));
  }
  return out;
}

}  // namespace

TEST_CASE("stats: item outcomes per value, for filters and group fields") {
  const auto index = test::make_index(41);
  const std::vector<test::FilterList> filter_sets{
      {},
      {{"decision", "overturned"}},
      {{"drug", "carisoprodol"}, {"decision", "upheld"}},
      {{"license_state", "NY"}},
      {{"category", "imaging"}, {"category", "acupuncture"}, {"specialty", "Anesthesiology"}}};
  for (const auto& filters : filter_sets) {
    std::vector<std::string> specs;
    for (const auto& [f, v] : filters) specs.push_back(f + ":" + v);
    const auto parsed = searcher::Filters::parse(specs);
    for (const std::string by :
         {"drug", "drug_class", "category", "guideline", "specialty", "license_state", "decision_year"}) {
      CAPTURE(by);
      const auto rows = searcher::outcome_stats(index.db, Xapian::Query::MatchAll, parsed, *searcher::stats_field(by));
      CHECK(describe(actual(rows)) == describe(expected(index, filters, by)));
      for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].items >= rows[i].items);
    }
  }
}

TEST_CASE("stats: only the listed fields can group") {
  CHECK(searcher::stats_field("class") == schema::FieldId::drug_class);
  CHECK(searcher::stats_field("state") == schema::FieldId::license_state);
  CHECK_FALSE(searcher::stats_field("decision"));
  CHECK_FALSE(searcher::stats_field("colour"));
  CHECK(searcher::stats_field_names().find("decision_year") != std::string::npos);
}
