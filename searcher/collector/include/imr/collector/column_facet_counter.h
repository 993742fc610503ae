// Multi-select facet counts and the exact total from facet columns: the
// same answers as FacetCounter (the same-item rule through GroupBits), with
// the filters resolved to ordinals once per query, so a match costs array
// reads and integer increments. Without filters a query that matches most
// letters is counted as every letter's counts less the letters it misses.
#pragma once

#include <cstdint>
#include <vector>

#include <xapian.h>

#include "imr/collector/column_match.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/facet_counter.h"
#include "imr/collector/filters.h"

namespace imr::searcher {

class ColumnFacetCounter {
 public:
  // Both must outlive the counter.
  ColumnFacetCounter(const Filters& filters, const FacetColumns& columns);

  void add(Xapian::docid docid);
  // As add() for every letter of the columns, without walking them; only without filters.
  void add_every_letter();
  // Adds the letters another counter (same filters and columns) counted; none of them counted here.
  void merge(const ColumnFacetCounter& other);

  Xapian::doccount total() const { return total_; }
  // Every facet field of the schema, in schema order; as FacetCounter::facets().
  std::vector<Facet> facets() const;

 private:
  // How a field's values are counted in the current letter.
  enum class Open : std::uint8_t { never, closed, letter_row, item_rows };

  struct FacetField {
    std::size_t index;  // in schema::fields()
    Open level;         // letter_row or item_rows
    GroupMask own;      // its own filter's bit (ignored when counting it), or 0
  };

  bool open_fields(const GroupBits& bits);
  void count_row(std::span<const Ordinal> row, Open wanted, const GroupBits& bits, std::size_t item);
  std::vector<Xapian::doccount> unfiltered_counts() const;

  const FacetColumns& columns_;
  ColumnMatch matcher_;
  std::vector<FacetField> facets_;                                                      // the schema's facet fields
  std::vector<GroupMask> own_of_ = std::vector<GroupMask>(schema::fields().size(), 0);  // by field
  std::vector<Open> open_;                 // by field, for the current letter (never: not a facet)
  std::vector<Xapian::doccount> counts_;   // by ordinal
  std::vector<std::uint32_t> counted_in_;  // by ordinal: the last letter that counted it (once per letter)
  std::uint32_t letter_ = 0;
  Xapian::doccount total_ = 0;
  bool unfiltered_;
  std::vector<std::uint64_t> matched_;  // docid bits, without filters: counted when the last match is known
};

}  // namespace imr::searcher
