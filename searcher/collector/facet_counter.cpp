// FacetCounter: exact multi-select facet counts over the scanned letters.
#include "imr/collector/facet_counter.h"

#include <algorithm>

namespace imr::searcher {

void sort_counts(std::vector<FacetCount>& counts) {
  std::ranges::sort(counts, [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
}

FacetCounter::FacetCounter(const Filters& filters) : filters_(filters), counts_of_(schema::fields().size(), kNoCounts) {
  for (const schema::Field& f : schema::fields()) {
    if (!f.facet) continue;
    counts_of_[static_cast<std::size_t>(f.id)] = counts_.size();
    counts_.push_back({f.id, f.level, filters.mask_of(f.id), {}, false, {}});
  }
}

void FacetCounter::add(const schema::FacetTableView& table) {
  const LetterMatch match(filters_, table);
  if (match.passes()) ++total_;
  for (Counts& c : counts_) {
    c.open = match.passes(c.own);
    c.seen.clear();
  }
  offer_row(match, table.letter(), schema::Level::letter, 0);
  for (std::size_t i = 0; i < table.item_count(); ++i) offer_row(match, table.item(i), schema::Level::item, i);
  for (Counts& c : counts_)
    for (std::string_view value : c.seen) ++entry(c.by_value, value, [](std::string_view) { return 0u; });
}

void FacetCounter::offer_row(const LetterMatch& match, std::span<const schema::FacetValueView> row, schema::Level level,
                             std::size_t item) {
  for (const schema::FacetValueView& v : row) {
    const std::size_t index = counts_of_[static_cast<std::size_t>(v.field)];
    if (index == kNoCounts) continue;
    Counts& c = counts_[index];
    if (!c.open || c.level != level) continue;
    if (level == schema::Level::item && !match.item_passes(item, c.own)) continue;
    if (std::ranges::find(c.seen, v.value) == c.seen.end()) c.seen.push_back(v.value);
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
