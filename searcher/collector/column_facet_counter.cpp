// ColumnFacetCounter: FacetCounter's counts from ordinal columns.
#include "imr/collector/column_facet_counter.h"

#include <bit>
#include <stdexcept>

namespace imr::searcher {
namespace {

std::size_t index_of(schema::FieldId field) { return static_cast<std::size_t>(field); }

}  // namespace

ColumnFacetCounter::ColumnFacetCounter(const Filters& filters, const FacetColumns& columns)
    : columns_(columns),
      matcher_(filters, columns),
      open_(schema::fields().size(), Open::never),
      counts_(columns.facet_value_count(), 0),
      counted_in_(columns.facet_value_count(), 0),
      unfiltered_(filters.empty()),
      matched_(unfiltered_ ? columns.docid_end() / 64 + 1 : 0, 0) {
  for (const schema::Field& f : schema::fields())
    if (f.facet)
      facets_.push_back({index_of(f.id), f.level == schema::Level::letter ? Open::letter_row : Open::item_rows,
                         filters.mask_of(f.id)});
  for (const FacetField& f : facets_) own_of_[f.index] = f.own;
}

// A letter that passes no facet's filters (every filter but the facet's own)
// has nothing to count: its rows are not read.
bool ColumnFacetCounter::open_fields(const GroupBits& bits) {
  const bool passes_all = bits.passes();
  if (passes_all) ++total_;
  bool any = false;
  for (const FacetField& f : facets_) {
    const bool open = f.own == 0 ? passes_all : bits.passes(f.own);
    open_[f.index] = open ? f.level : Open::closed;
    any = any || open;
  }
  return any;
}

void ColumnFacetCounter::count_row(std::span<const Ordinal> row, Open wanted, const GroupBits& bits, std::size_t item) {
  for (const Ordinal o : row) {
    const std::size_t f = index_of(columns_.field_of(o));
    if (open_[f] != wanted || counted_in_[o] == letter_) continue;
    if (wanted == Open::item_rows && !bits.item_passes(item, own_of_[f])) continue;
    counted_in_[o] = letter_;
    ++counts_[o];
  }
}

// With no filter every facet is open on every letter: a letter counts each
// of its values once. Broad queries (the empty query, one common word) match
// nearly every letter, so they are counted from the other side: the counts
// of every letter (built once per index revision) less the letters missed.
std::vector<Xapian::doccount> ColumnFacetCounter::unfiltered_counts() const {
  const bool most = 2 * std::size_t{total_} > columns_.letter_count();
  const std::span<const Xapian::doccount> all = columns_.letters_with();
  if (total_ == columns_.letter_count()) return std::vector(all.begin(), all.end());
  std::vector<Xapian::doccount> counts = most ? std::vector(all.begin(), all.end()) : counts_;
  const auto visit = [&](auto change) {
    for (std::size_t w = 0; w < matched_.size(); ++w) {
      // The letters to visit: the matched ones, or when most match, the others.
      for (std::uint64_t bits = most ? ~matched_[w] : matched_[w]; bits != 0; bits &= bits - 1) {
        const auto d = static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
        for (const Ordinal o : columns_.distinct_facet_values(d)) change(counts[o]);
      }
    }
  };
  if (most)
    visit([](Xapian::doccount& c) { --c; });
  else
    visit([](Xapian::doccount& c) { ++c; });
  return counts;
}

void ColumnFacetCounter::add(Xapian::docid docid) {
  const std::size_t rows = columns_.row_count(docid);
  if (rows == 0) return;  // no readable facet table: not a letter the scans see
  if (unfiltered_) {
    ++total_;
    matched_[docid / 64] |= std::uint64_t{1} << (docid % 64);
    return;
  }
  const GroupBits bits = matcher_.match(docid);
  if (!open_fields(bits)) return;
  ++letter_;
  count_row(columns_.row(docid, 0), Open::letter_row, bits, 0);
  for (std::size_t i = 0; i + 1 < rows; ++i) count_row(columns_.row(docid, i + 1), Open::item_rows, bits, i);
}

void ColumnFacetCounter::add_every_letter() {
  if (!unfiltered_) throw std::logic_error("add_every_letter() counts without filters only");
  total_ = columns_.letter_count();
  matched_.assign(matched_.size(), ~std::uint64_t{0});
}

void ColumnFacetCounter::merge(const ColumnFacetCounter& other) {
  total_ += other.total_;
  for (std::size_t o = 0; o < counts_.size(); ++o) counts_[o] += other.counts_[o];
  if (other.total_ == 0) return;
  for (std::size_t w = 0; w < matched_.size(); ++w) matched_[w] |= other.matched_[w];
}

std::vector<Facet> ColumnFacetCounter::facets() const {
  const std::vector<Xapian::doccount> counts = unfiltered_ ? unfiltered_counts() : counts_;
  std::vector<Facet> out;
  for (const schema::Field& f : schema::fields()) {
    if (!f.facet) continue;
    Facet& facet = out.emplace_back(Facet{f.id, {}});
    for (const Ordinal o : columns_.ordinals_of(f.id))
      if (counts[o] != 0) facet.counts.push_back({std::string(columns_.value_of(o)), counts[o]});
    sort_counts(facet.counts);
  }
  return out;
}

}  // namespace imr::searcher
