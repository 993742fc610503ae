#include "imr/collector/column_match.h"

#include <algorithm>

#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

// Every value when a filter names a field that is not a facet (priority, sex), else the facets' values only.
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
    if (groups[g].field == schema::FieldId::case_number) {
      case_number_groups_.push_back({bit, groups[g].values});
      continue;
    }
    for (const std::string& value : groups[g].values)
      for (const Ordinal o : columns.matching(groups[g].field, value)) satisfies_[o] |= bit;
  }
}

// Filter values are lower case (Filters::add); case numbers compare as filters do, but for ASCII case.
GroupMask ColumnMatch::case_number_bits(Xapian::docid docid) const {
  GroupMask bits = 0;
  if (case_number_groups_.empty()) return bits;
  const std::string_view number = columns_.case_number_of(docid);
  for (const CaseNumberGroup& g : case_number_groups_)
    if (std::ranges::any_of(g.values, [&](const std::string& v) { return text::iequals(number, v); })) bits |= g.bit;
  return bits;
}

// A letter-level group holds on row 0, an item-level group on an item row.
GroupBits ColumnMatch::match(Xapian::docid docid) {
  GroupBits bits = groups_;
  bits.letter_ok = case_number_bits(docid);
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
