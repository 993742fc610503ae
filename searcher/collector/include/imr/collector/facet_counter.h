// Multi-select facet counts: for each facet field F, the letters that pass
// every filter except F's own, each value counted once per letter. For an
// item-level F the values are those of the items that satisfy the other
// item-level filters, so counts follow the same-item rule.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/collector/filters.h"
#include "imr/collector/value_map.h"
#include "imr/schema/facet_table.h"

namespace imr::searcher {

struct FacetCount {
  std::string value;  // display form ("CA", "Internal Medicine")
  Xapian::doccount count;
  bool operator==(const FacetCount&) const = default;
};

struct Facet {
  schema::FieldId field;
  std::vector<FacetCount> counts;  // count desc, then value
};

class FacetCounter {
 public:
  explicit FacetCounter(const Filters& filters);

  void add(const schema::FacetTableView& table);

  // Letters that passed every filter.
  Xapian::doccount total() const { return total_; }
  // Every facet field of the schema, in schema order.
  std::vector<Facet> facets() const;

 private:
  struct Counts {
    schema::FieldId field;
    schema::Level level;
    GroupMask own;  // the field's own filter, ignored when counting it (multi-select)
    ValueMap<Xapian::doccount> by_value;
    bool open = false;                   // the current letter counts for this field
    std::vector<std::string_view> seen;  // its values in the current letter, reused
  };
  // Offers each value of one row to its field's counts, in one pass over the row.
  void offer_row(const LetterMatch& match, std::span<const schema::FacetValueView> row, schema::Level level,
                 std::size_t item);

  static constexpr std::size_t kNoCounts = static_cast<std::size_t>(-1);

  const Filters& filters_;
  std::vector<Counts> counts_;
  std::vector<std::size_t> counts_of_;  // index in counts_ by FieldId; kNoCounts for fields that are not facets
  Xapian::doccount total_ = 0;
};

// Sorts counts most first, ties by value.
void sort_counts(std::vector<FacetCount>& counts);

}  // namespace imr::searcher
