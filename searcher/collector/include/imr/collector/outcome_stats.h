// /api/stats: the outcomes of the matching items (items of matching letters
// that satisfy the item-level filters), grouped by one field.
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

struct StatsRow {
  std::string value;
  std::size_t items = 0, upheld = 0, overturned = 0;
  double overturn_rate() const { return items == 0 ? 0.0 : static_cast<double>(overturned) / items; }
};

// The fields stats can group by (drug, drug_class, category, guideline,
// specialty, license_state, decision_year, by name or alias); nullopt otherwise.
std::optional<schema::FieldId> stats_field(std::string_view name);
// The names stats_field accepts, for error messages.
std::string stats_field_names();

// Rows most items first, ties by value. An item counts once in each of its
// values (an item of two drugs is in both rows). Counts from columns (the
// index revision's, when the caller has them; else built for this call).
// Throws QueryTimeout past the deadline.
std::vector<StatsRow> outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                                    schema::FieldId by, const Deadline& deadline = {},
                                    const FacetColumns* columns = nullptr);

}  // namespace imr::searcher
