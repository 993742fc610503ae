// ColumnFacetCounter: FacetCounter's counts from ordinal columns.
#include "imr/collector/column_facet_counter.h"

namespace imr::searcher {
namespace {

std::size_t index_of(schema::FieldId field) { return static_cast<std::size_t>(field); }

}  // namespace

ColumnFacetCounter::ColumnFacetCounter(const Filters& filters, const FacetColumns& columns)
    : columns_(columns),
      matcher_(filters, columns),
      own_(schema::fields().size(), 0),
      facet_level_(schema::fields().size(), Open::never),
      open_(schema::fields().size(), Open::never),
      counts_(columns.facet_value_count(), 0),
      counted_in_(columns.facet_value_count(), 0),
      unfiltered_(filters.empty()) {
  for (const schema::Field& f : schema::fields()) {
    if (!f.facet) continue;
    own_[index_of(f.id)] = filters.mask_of(f.id);
    facet_level_[index_of(f.id)] = f.level == schema::Level::letter ? Open::letter_row : Open::item_rows;
  }
}

void ColumnFacetCounter::open_fields(const GroupBits& bits) {
  const bool passes_all = bits.passes();
  if (passes_all) ++total_;
  for (std::size_t f = 0; f < open_.size(); ++f) {
    if (facet_level_[f] == Open::never) continue;
    const bool open = own_[f] == 0 ? passes_all : bits.passes(own_[f]);
    open_[f] = open ? facet_level_[f] : Open::closed;
  }
}

void ColumnFacetCounter::count_row(std::span<const Ordinal> row, Open wanted, const GroupBits& bits, std::size_t item) {
  for (const Ordinal o : row) {
    const std::size_t f = index_of(columns_.field_of(o));
    if (open_[f] != wanted || counted_in_[o] == letter_) continue;
    if (wanted == Open::item_rows && !bits.item_passes(item, own_[f])) continue;
    counted_in_[o] = letter_;
    ++counts_[o];
  }
}

// With no filter every facet is open on every row and only "once per
// letter" is left to check: no group bits, no per-field state. Broad queries
// (the empty query, one common word) take this path.
void ColumnFacetCounter::add_unfiltered(Xapian::docid docid, std::size_t rows) {
  ++total_;
  ++letter_;
  const auto facet_values = static_cast<Ordinal>(counts_.size());
  for (std::size_t r = 0; r < rows; ++r)
    for (const Ordinal o : columns_.row(docid, r)) {
      if (o >= facet_values || counted_in_[o] == letter_) continue;
      counted_in_[o] = letter_;
      ++counts_[o];
    }
}

void ColumnFacetCounter::add(Xapian::docid docid) {
  const std::size_t rows = columns_.row_count(docid);
  if (rows == 0) return;  // no readable facet table: not a letter the scans see
  if (unfiltered_) return add_unfiltered(docid, rows);
  const GroupBits bits = matcher_.match(docid);
  open_fields(bits);
  ++letter_;
  count_row(columns_.row(docid, 0), Open::letter_row, bits, 0);
  for (std::size_t i = 0; i + 1 < rows; ++i) count_row(columns_.row(docid, i + 1), Open::item_rows, bits, i);
}

std::vector<Facet> ColumnFacetCounter::facets() const {
  std::vector<Facet> out;
  for (const schema::Field& f : schema::fields()) {
    if (!f.facet) continue;
    Facet& facet = out.emplace_back(Facet{f.id, {}});
    for (const Ordinal o : columns_.ordinals_of(f.id))
      if (counts_[o] != 0) facet.counts.push_back({std::string(columns_.value_of(o)), counts_[o]});
    sort_counts(facet.counts);
  }
  return out;
}

}  // namespace imr::searcher
