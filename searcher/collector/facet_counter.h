// Multi-select facet counts: for each facet field F, the letters that pass
// every filter except F's own, each value counted once per letter. For an
// item-level F the values are those of the items that satisfy the other
// item-level filters, so counts follow the same-item rule.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "collector/filters.h"
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
    std::map<std::string, Xapian::doccount, std::less<>> by_value;
  };
  void count_field(const LetterMatch& match, const schema::FacetTableView& table, Counts& counts);

  const Filters& filters_;
  std::vector<Counts> counts_;
  Xapian::doccount total_ = 0;
  std::vector<std::string_view> seen_;  // values of one letter, reused to avoid allocations
};

// Sorts counts most first, ties by value.
void sort_counts(std::vector<FacetCount>& counts);

}  // namespace imr::searcher
