// Outcome stats: items of matching letters that satisfy the item-level
// filters, grouped by a field, against counts taken from the records.
#include <doctest/doctest.h>

#include <map>
#include <set>

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

struct Expected {
  std::map<std::string, Row> rows;  // "value" or "value|then"
  Row missing;
};

std::set<std::string> values_for(const schema::Record& r, const schema::Item& item, const std::string& field) {
  const auto values = test::is_item_field(field) ? test::values_of(item, field) : test::values_of(r, field);
  return {values.begin(), values.end()};
}

void count(Row& row, const schema::Item& item) {
  ++row.items;
  (item.decision == "upheld" ? row.upheld : row.overturned)++;
}

Expected expected(const test::LetterIndex& index, const test::FilterList& filters, const std::string& by,
                  const std::string& then = "") {
  Expected out;
  for (const auto& r : index.records) {
    if (!test::letter_ok(r, filters)) continue;
    for (const auto& item : r.items) {
      if (!test::item_ok(item, filters)) continue;
      const std::set<std::string> values = values_for(r, item, by);
      const std::set<std::string> thens = then.empty() ? std::set<std::string>{""} : values_for(r, item, then);
      if (values.empty() || thens.empty()) count(out.missing, item);
      for (const std::string& v : values)
        for (const std::string& t : thens) count(out.rows[then.empty() ? v : v + "|" + t], item);
    }
  }
  return out;
}

std::map<std::string, Row> actual(const std::vector<searcher::StatsRow>& rows) {
  std::map<std::string, Row> out;
  for (const auto& r : rows) {
    out[r.then.empty() ? r.value : r.value + "|" + r.then] = {r.items, r.upheld, r.overturned};
    CHECK(r.overturn_rate() == doctest::Approx(double(r.overturned) / double(r.upheld + r.overturned)));
  }
  return out;
}

// Time fields chronologically, the others most items first.
void check_order(const std::vector<searcher::StatsRow>& rows, const std::string& by) {
  const bool time = by == "decision_year" || by == "decision_month";
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CAPTURE(i);
    if (time)
      CHECK(rows[i - 1].value < rows[i].value);
    else
      CHECK(rows[i - 1].items >= rows[i].items);
  }
}

const std::vector<std::string> kStatsFields{"drug",      "drug_class",    "category",      "guideline",
                                            "specialty", "license_state", "decision_year", "decision_month"};

searcher::Filters parsed(const test::FilterList& filters) {
  std::vector<std::string> specs;
  for (const auto& [f, v] : filters) specs.push_back(f + ":" + v);
  return searcher::Filters::parse(specs);
}

}  // namespace

TEST_CASE("stats: item outcomes per value, for filters and group fields") {
  const auto index = test::make_index(41);
  const std::vector<test::FilterList> filter_sets{
      {},
      {{"decision", "overturned"}},
      {{"drug", "carisoprodol"}, {"decision", "upheld"}},
      {{"license_state", "NY"}},
      {{"category", "imaging"}, {"category", "acupuncture"}, {"specialty", "Anesthesiology"}},
      {{"decision_month", "2014-02"}, {"decision_month", "2013-01"}}};
  for (const auto& filters : filter_sets) {
    for (const std::string& by : kStatsFields) {
      CAPTURE(by);
      const auto table = searcher::outcome_stats(index.db, Xapian::Query::MatchAll, parsed(filters),
                                                 searcher::StatsGrouping{*searcher::stats_field(by), std::nullopt});
      const Expected want = expected(index, filters, by);
      CHECK(describe(actual(table.rows)) == describe(want.rows));
      CHECK(describe({{"missing", {table.missing.items, table.missing.upheld, table.missing.overturned}}}) ==
            describe({{"missing", want.missing}}));
      check_order(table.rows, by);
    }
  }
}

TEST_CASE("stats: pairs of fields count each item once per pair") {
  const auto index = test::make_index(41);
  for (const test::FilterList& filters : {test::FilterList{}, test::FilterList{{"decision", "overturned"}}})
    for (const auto& [by, then] : std::vector<std::pair<std::string, std::string>>{{"drug", "decision_year"},
                                                                                   {"decision_month", "category"},
                                                                                   {"guideline", "license_state"},
                                                                                   {"category", "drug_class"}}) {
      CAPTURE(by);
      CAPTURE(then);
      const auto table =
          searcher::outcome_stats(index.db, Xapian::Query::MatchAll, parsed(filters),
                                  searcher::StatsGrouping{*searcher::stats_field(by), searcher::stats_field(then)});
      const Expected want = expected(index, filters, by, then);
      CHECK(describe(actual(table.rows)) == describe(want.rows));
      CHECK(table.missing.items == want.missing.items);
      // The pairs of one value are together, in the by field's order of the values.
      std::vector<searcher::StatsRow> firsts;
      for (const auto& row : table.rows)
        if (firsts.empty() || firsts.back().value != row.value) firsts.push_back(row);
      std::set<std::string> distinct;
      for (const auto& row : firsts) CHECK(distinct.insert(row.value).second);
    }
}

TEST_CASE("stats: the Wilson interval of known counts") {
  const auto near = [](searcher::RateInterval got, double low, double high) {
    CHECK(got.low == doctest::Approx(low).epsilon(1e-4));
    CHECK(got.high == doctest::Approx(high).epsilon(1e-4));
  };
  // Computed apart from this code (Python, the textbook score interval formula, z = 1.96).
  near(searcher::wilson_interval(5, 10), 0.236590, 0.763410);
  near(searcher::wilson_interval(0, 10), 0.0, 0.277540);
  near(searcher::wilson_interval(10, 10), 0.722460, 1.0);
  near(searcher::wilson_interval(1, 20), 0.008881, 0.236136);
  near(searcher::wilson_interval(81, 263), 0.255288, 0.366211);
  const searcher::RateInterval none = searcher::wilson_interval(0, 0);
  CHECK(none.low == 0.0);
  CHECK(none.high == 0.0);
  searcher::StatsCounts counts{.items = 12, .upheld = 5, .overturned = 5};
  CHECK(counts.overturn_rate() == doctest::Approx(0.5));
  near(counts.rate_interval(), 0.236590, 0.763410);
}

TEST_CASE("stats: only the listed fields can group") {
  CHECK(searcher::stats_field("class") == schema::FieldId::drug_class);
  CHECK(searcher::stats_field("state") == schema::FieldId::license_state);
  CHECK_FALSE(searcher::stats_field("decision"));
  CHECK_FALSE(searcher::stats_field("colour"));
  CHECK(searcher::stats_field("month") == schema::FieldId::decision_month);
  CHECK(searcher::stats_field_names().find("decision_year") != std::string::npos);
  CHECK(searcher::stats_field_names().find("decision_month") != std::string::npos);
}
