// The filters evaluated on one letter's facet columns: the same answers as
// LetterMatch on its facet table (GroupBits holds the same-item rule), with
// every filter value resolved to ordinals once per query.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "imr/collector/facet_columns.h"
#include "imr/collector/filters.h"

namespace imr::searcher {

class ColumnMatch {
 public:
  // Both must outlive the match.
  ColumnMatch(const Filters& filters, const FacetColumns& columns);

  // Which groups the letter satisfies, and which item-level groups each of its
  // items does; valid until the next call. The letter must have rows.
  GroupBits match(Xapian::docid docid);

 private:
  // A filter by case number, which the columns keep as each letter's string.
  struct CaseNumberGroup {
    GroupMask bit;
    std::vector<std::string> values;
  };

  GroupMask satisfied(Ordinal o) const { return o < satisfies_.size() ? satisfies_[o] : 0; }
  GroupMask case_number_bits(Xapian::docid docid) const;

  const FacetColumns& columns_;
  GroupBits groups_;                  // required and item_groups for every letter
  std::vector<GroupMask> satisfies_;  // by ordinal: the groups a row holding it satisfies
  std::vector<GroupMask> item_ok_;    // the current letter's items, reused
  std::vector<CaseNumberGroup> case_number_groups_;
};

}  // namespace imr::searcher
