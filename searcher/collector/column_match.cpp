#include "imr/collector/column_match.h"

namespace imr::searcher {
namespace {

// Every value when a filter names a field that is not a facet (case_number), else the facets' values only.
std::size_t satisfies_size(const Filters& filters, const FacetColumns& columns) {
  for (const FilterGroup& g : filters.groups())
    if (!schema::field(g.field).facet) return columns.value_count();
  return columns.facet_value_count();
}

}  // namespace

ColumnMatch::ColumnMatch(const Filters& filters, const FacetColumns& columns)
    : columns_(columns), satisfies_(satisfies_size(filters, columns), 0) {
  const auto groups = filters.groups();
  groups_.item_groups = filters.item_mask();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const GroupMask bit = GroupMask{1} << g;
    groups_.required |= bit;
    for (const std::string& value : groups[g].values)
      for (const Ordinal o : columns.matching(groups[g].field, value)) satisfies_[o] |= bit;
  }
}

// A letter-level group holds on row 0, an item-level group on an item row.
GroupBits ColumnMatch::match(Xapian::docid docid) {
  GroupBits bits = groups_;
  for (const Ordinal o : columns_.row(docid, 0)) bits.letter_ok |= satisfied(o);
  bits.letter_ok &= ~groups_.item_groups;
  if (groups_.item_groups == 0) return bits;  // every item passes: nothing to evaluate per item
  item_ok_.assign(columns_.row_count(docid) - 1, 0);
  for (std::size_t i = 0; i < item_ok_.size(); ++i) {
    for (const Ordinal o : columns_.row(docid, i + 1)) item_ok_[i] |= satisfied(o);
    item_ok_[i] &= groups_.item_groups;
  }
  bits.item_ok = item_ok_;
  return bits;
}

}  // namespace imr::searcher
