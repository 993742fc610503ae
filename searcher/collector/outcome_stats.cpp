// outcome_stats(): one exact scan, counting item decisions per value.
#include "imr/collector/outcome_stats.h"

#include <algorithm>
#include <array>

#include "imr/collector/collector.h"
#include "imr/collector/match_scan.h"
#include "imr/collector/value_map.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

using schema::FieldId;

constexpr std::array kStatsFields{FieldId::drug,      FieldId::drug_class,    FieldId::category,     FieldId::guideline,
                                  FieldId::specialty, FieldId::license_state, FieldId::decision_year};

std::string_view decision_of(std::span<const schema::FacetValueView> item) {
  for (const auto& v : item)
    if (v.field == FieldId::decision) return v.value;
  return {};
}

class StatsCounter {
 public:
  StatsCounter(const Filters& filters, FieldId by) : filters_(filters), by_(by) {}

  void add(const schema::FacetTableView& table) {
    const LetterMatch match(filters_, table);
    if (!match.passes()) return;
    const bool by_item = schema::field(by_).level == schema::Level::item;
    for (std::size_t i = 0; i < table.item_count(); ++i) {
      if (!match.item_passes(i)) continue;
      const auto values = by_item ? table.item(i) : table.letter();
      add_item(values, decision_of(table.item(i)));
    }
  }

  std::vector<StatsRow> rows() const {
    std::vector<StatsRow> out;
    for (const auto& [value, row] : rows_) out.push_back(row);
    std::ranges::sort(out, [](const StatsRow& a, const StatsRow& b) {
      return a.items != b.items ? a.items > b.items : a.value < b.value;
    });
    return out;
  }

 private:
  void add_item(std::span<const schema::FacetValueView> values, std::string_view decision) {
    seen_.clear();
    for (const auto& v : values) {
      if (v.field != by_ || std::ranges::find(seen_, v.value) != seen_.end()) continue;
      seen_.push_back(v.value);
      StatsRow& row = entry(rows_, v.value, [](std::string_view value) { return StatsRow{std::string(value)}; });
      ++row.items;
      if (text::iequals(decision, "upheld")) ++row.upheld;
      if (text::iequals(decision, "overturned")) ++row.overturned;
    }
  }

  const Filters& filters_;
  FieldId by_;
  ValueMap<StatsRow> rows_;
  std::vector<std::string_view> seen_;
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
                                    FieldId by, const Deadline& deadline) {
  StatsCounter counter(filters, by);
  scan_matches(
      db, filtered(query, filters), [&](const schema::FacetTableView& t) { counter.add(t); }, deadline);
  return counter.rows();
}

}  // namespace imr::searcher
