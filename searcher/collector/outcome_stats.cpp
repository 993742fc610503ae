// outcome_stats(): one exact scan, counting item decisions per value from the facet columns.
#include "imr/collector/outcome_stats.h"

#include <algorithm>
#include <array>

#include "imr/collector/collector.h"
#include "imr/collector/column_match.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/match_scan.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

using schema::FieldId;

constexpr std::array kStatsFields{FieldId::drug,      FieldId::drug_class,    FieldId::category,     FieldId::guideline,
                                  FieldId::specialty, FieldId::license_state, FieldId::decision_year};

// Item decisions counted per value of one field, from the facet columns: a
// match costs array reads and integer increments, no table parsed.
class StatsCounter {
 public:
  StatsCounter(const Filters& filters, const FacetColumns& columns, FieldId by)
      : columns_(columns),
        matcher_(filters, columns),
        by_(by),
        by_item_(schema::field(by).level == schema::Level::item),
        decision_(columns.facet_value_count(), Decision::none),
        counts_(columns.facet_value_count()),
        counted_in_(columns.facet_value_count(), 0) {
    for (const Ordinal o : columns.ordinals_of(FieldId::decision)) {
      if (text::iequals(columns.value_of(o), "upheld")) decision_[o] = Decision::upheld;
      if (text::iequals(columns.value_of(o), "overturned")) decision_[o] = Decision::overturned;
    }
  }

  void add(Xapian::docid docid) {
    const std::size_t rows = columns_.row_count(docid);
    if (rows == 0) return;  // no readable facet table: not a letter the scans see
    const GroupBits bits = matcher_.match(docid);
    if (!bits.passes()) return;
    for (std::size_t i = 0; i + 1 < rows; ++i) {
      if (!bits.item_passes(i)) continue;
      const auto item = columns_.row(docid, i + 1);
      add_item(by_item_ ? item : columns_.row(docid, 0), decision_of(item));
    }
  }

  std::vector<StatsRow> rows() const {
    std::vector<StatsRow> out;
    for (const Ordinal o : columns_.ordinals_of(by_))
      if (counts_[o].items != 0)
        out.push_back({std::string(columns_.value_of(o)), counts_[o].items, counts_[o].upheld, counts_[o].overturned});
    std::ranges::sort(out, [](const StatsRow& a, const StatsRow& b) {
      return a.items != b.items ? a.items > b.items : a.value < b.value;
    });
    return out;
  }

 private:
  enum class Decision : std::uint8_t { none, upheld, overturned };
  struct Counts {
    std::size_t items = 0, upheld = 0, overturned = 0;
  };

  Decision decision_of(std::span<const Ordinal> item) const {
    for (const Ordinal o : item)
      if (columns_.field_of(o) == FieldId::decision) return decision_[o];
    return Decision::none;
  }

  // Each value once per item (an item of two drugs is in both rows).
  void add_item(std::span<const Ordinal> values, Decision decision) {
    ++item_;
    for (const Ordinal o : values) {
      if (columns_.field_of(o) != by_ || counted_in_[o] == item_) continue;
      counted_in_[o] = item_;
      Counts& c = counts_[o];
      ++c.items;
      if (decision == Decision::upheld) ++c.upheld;
      if (decision == Decision::overturned) ++c.overturned;
    }
  }

  const FacetColumns& columns_;
  ColumnMatch matcher_;
  FieldId by_;
  bool by_item_;
  std::vector<Decision> decision_;         // by ordinal of a decision value
  std::vector<Counts> counts_;             // by ordinal of a `by` value
  std::vector<std::uint64_t> counted_in_;  // by ordinal: the last item that counted it
  std::uint64_t item_ = 0;
};

}  // namespace

std::optional<FieldId> stats_field(std::string_view name) {
  const auto field = schema::find_field(name);
  if (field && std::ranges::find(kStatsFields, *field) != kStatsFields.end()) return field;
  return std::nullopt;
}

std::string stats_field_names() {
  return text::join(kStatsFields, ", ", [](FieldId f) { return schema::field(f).name; });
}

std::vector<StatsRow> outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                                    FieldId by, const Deadline& deadline, const FacetColumns* columns) {
  std::shared_ptr<const FacetColumns> built;
  if (columns == nullptr) columns = (built = FacetColumns::build(db)).get();
  StatsCounter counter(filters, *columns, by);
  scan_docids(
      db, filtered(query, filters), [&](Xapian::docid docid) { counter.add(docid); }, deadline);
  return counter.rows();
}

}  // namespace imr::searcher
