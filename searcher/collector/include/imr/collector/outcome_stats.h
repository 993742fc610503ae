// /api/stats: the outcomes of the matching items (items of matching letters
// that satisfy the item-level filters), grouped by one field or by a pair.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/collector/deadline.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/filters.h"

namespace imr::searcher {

// A 95% confidence interval of a proportion.
struct RateInterval {
  double low = 0, high = 0;
};

// The Wilson score interval of successes out of trials (z = 1.96 for 95%);
// {0, 0} when there are no trials. Unlike p +- z*se it stays inside [0, 1]
// and is not zero-width for 0 or n successes, which small groups often have.
RateInterval wilson_interval(std::size_t successes, std::size_t trials, double z = 1.96);

struct StatsCounts {
  std::size_t items = 0, upheld = 0, overturned = 0;
  // Of the decided items (upheld + overturned); 0 when none is decided.
  double overturn_rate() const;
  RateInterval rate_interval() const { return wilson_interval(overturned, upheld + overturned); }
};

struct StatsRow : StatsCounts {
  std::string value;
  std::string then;  // the pair's second value; empty without a then field
};

struct StatsGrouping {
  schema::FieldId by;
  std::optional<schema::FieldId> then;  // rows per (by value, then value) pair
};

struct StatsTable {
  std::vector<StatsRow> rows;
  // The counted items that are in no row: no value for by (or for then). For
  // the time fields these are the items of letters without a decision date.
  StatsCounts missing;
};

// The fields stats can group by (drug, drug_class, category, guideline,
// specialty, license_state, decision_year, decision_month, by name or
// alias); nullopt otherwise.
std::optional<schema::FieldId> stats_field(std::string_view name);
// The names stats_field accepts, for error messages.
std::string stats_field_names();
// decision_year and decision_month: their rows come in time order.
bool is_time_field(schema::FieldId field);

// Rows in the by field's order: time fields chronologically, the others most
// items first (ties by value); a pair's rows within one by value in the then
// field's order (chronological, or most items first). An item counts once in
// each of its values (an item of two drugs is in both rows), and once in
// each of its pairs. Counts from columns (the index revision's, when the
// caller has them; else built for this call). Throws QueryTimeout past the deadline.
// Given `twin`, a second handle on the same revision, a scan over most
// letters is made in two docid halves, one on each handle and core.
StatsTable outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                         const StatsGrouping& grouping, const Deadline& deadline = {},
                         const FacetColumns* columns = nullptr, const Xapian::Database* twin = nullptr);

// The rows grouped by one field.
std::vector<StatsRow> outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                                    schema::FieldId by, const Deadline& deadline = {},
                                    const FacetColumns* columns = nullptr);

}  // namespace imr::searcher
