// FacetCounter: exact multi-select facet counts over the scanned letters.
#include "collector/facet_counter.h"

#include <algorithm>

namespace imr::searcher {
namespace {

void collect_values(std::span<const schema::FacetValueView> row, schema::FieldId field,
                    std::vector<std::string_view>& seen) {
  for (const schema::FacetValueView& v : row)
    if (v.field == field && std::ranges::find(seen, v.value) == seen.end()) seen.push_back(v.value);
}

}  // namespace

void sort_counts(std::vector<FacetCount>& counts) {
  std::ranges::sort(counts, [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
}

FacetCounter::FacetCounter(const Filters& filters) : filters_(filters) {
  for (const schema::Field& f : schema::fields())
    if (f.facet) counts_.push_back({f.id, {}});
}

void FacetCounter::add(const schema::FacetTableView& table) {
  const LetterMatch match(filters_, table);
  if (match.passes()) ++total_;
  for (Counts& counts : counts_) count_field(match, table, counts);
}

void FacetCounter::count_field(const LetterMatch& match, const schema::FacetTableView& table, Counts& counts) {
  const GroupMask own = filters_.mask_of(counts.field);
  if (!match.passes(own)) return;
  seen_.clear();
  if (schema::field(counts.field).level == schema::Level::letter) {
    collect_values(table.letter(), counts.field, seen_);
  } else {
    for (std::size_t i = 0; i < table.item_count(); ++i)
      if (match.item_passes(i, own)) collect_values(table.item(i), counts.field, seen_);
  }
  for (std::string_view value : seen_) {
    auto it = counts.by_value.find(value);
    if (it == counts.by_value.end()) it = counts.by_value.emplace(std::string(value), 0).first;
    ++it->second;
  }
}

std::vector<Facet> FacetCounter::facets() const {
  std::vector<Facet> out;
  for (const Counts& c : counts_) {
    Facet& facet = out.emplace_back(Facet{c.field, {}});
    for (const auto& [value, count] : c.by_value) facet.counts.push_back({value, count});
    sort_counts(facet.counts);
  }
  return out;
}

}  // namespace imr::searcher
