// outcome_stats(): one exact scan, counting item decisions per value (or per
// pair of values) from the facet columns.
#include "imr/collector/outcome_stats.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <future>
#include <stdexcept>
#include <unordered_map>

#include "imr/collector/collector.h"
#include "imr/collector/column_match.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/match_scan.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

using schema::FieldId;

constexpr std::array kStatsFields{FieldId::drug,          FieldId::drug_class,    FieldId::category,
                                  FieldId::guideline,     FieldId::specialty,     FieldId::license_state,
                                  FieldId::decision_year, FieldId::decision_month};

enum class Decision : std::uint8_t { none, upheld, overturned };

void add_counts(StatsCounts& to, const StatsCounts& c) {
  to.items += c.items;
  to.upheld += c.upheld;
  to.overturned += c.overturned;
}

void count(StatsCounts& c, Decision decision) {
  ++c.items;
  if (decision == Decision::upheld) ++c.upheld;
  if (decision == Decision::overturned) ++c.overturned;
}

// The distinct values of one field in a row, as ordinals.
class FieldValues {
 public:
  FieldValues(const FacetColumns& columns, FieldId field) : columns_(columns), field_(field) {}

  FieldId field() const { return field_; }
  bool item_level() const { return schema::field(field_).level == schema::Level::item; }
  // One past the largest ordinal of the field: the size of arrays indexed by its ordinals.
  std::size_t ordinal_bound() const {
    const auto ordinals = columns_.ordinals_of(field_);
    return ordinals.empty() ? 0 : *std::ranges::max_element(ordinals) + 1;
  }
  const std::vector<Ordinal>& of(std::span<const Ordinal> row) {
    found_.clear();
    for (const Ordinal o : row)
      if (columns_.field_of(o) == field_ && std::ranges::find(found_, o) == found_.end()) found_.push_back(o);
    return found_;
  }

 private:
  const FacetColumns& columns_;
  FieldId field_;
  std::vector<Ordinal> found_;
};

// Item decisions counted per value, and per pair of values, from the facet
// columns: a match costs array reads and integer increments, no table parsed.
class StatsCounter {
 public:
  StatsCounter(const Filters& filters, const FacetColumns& columns, const StatsGrouping& grouping)
      : columns_(columns),
        matcher_(filters, columns),
        by_(columns, grouping.by),
        decision_(columns.facet_value_count(), Decision::none),
        counts_(by_.ordinal_bound()) {
    if (grouping.then) then_.emplace(columns, *grouping.then);
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
    for (std::size_t i = 0; i + 1 < rows; ++i)
      if (bits.item_passes(i)) add_item(docid, i + 1);
  }

  StatsTable table() const {
    StatsTable out{then_ ? pair_rows() : value_rows(), missing_};
    return out;
  }

  // Adds the items another counter (same filters, columns and grouping) counted.
  void merge(const StatsCounter& other) {
    for (std::size_t o = 0; o < counts_.size(); ++o) add_counts(counts_[o], other.counts_[o]);
    for (const auto& [key, c] : other.pairs_) add_counts(pairs_[key], c);
    add_counts(missing_, other.missing_);
  }

 private:
  std::span<const Ordinal> row_for(const FieldValues& field, Xapian::docid docid, std::size_t item_row) const {
    return columns_.row(docid, field.item_level() ? item_row : 0);
  }

  Decision decision_of(std::span<const Ordinal> item) const {
    for (const Ordinal o : item)
      if (columns_.field_of(o) == FieldId::decision) return decision_[o];
    return Decision::none;
  }

  void add_item(Xapian::docid docid, std::size_t item_row) {
    const Decision decision = decision_of(columns_.row(docid, item_row));
    const std::vector<Ordinal>& values = by_.of(row_for(by_, docid, item_row));
    for (const Ordinal o : values) count(counts_[o], decision);
    const bool in_a_row = !values.empty() && (!then_ || add_pairs(values, docid, item_row, decision));
    if (!in_a_row) count(missing_, decision);
  }

  // False when the item has no then value (and so is in no pair row).
  bool add_pairs(const std::vector<Ordinal>& values, Xapian::docid docid, std::size_t item_row, Decision decision) {
    const std::vector<Ordinal>& thens = then_->of(row_for(*then_, docid, item_row));
    for (const Ordinal v : values)
      for (const Ordinal t : thens) count(pairs_[(std::uint64_t{v} << 32) | t], decision);
    return !thens.empty();
  }

  StatsRow row_of(Ordinal value, const StatsCounts& c) const { return {c, std::string(columns_.value_of(value)), {}}; }

  // Time fields chronologically, the others most items first, ties by value.
  static bool before(FieldId field, const StatsCounts& a, std::string_view av, const StatsCounts& b,
                     std::string_view bv) {
    if (!is_time_field(field) && a.items != b.items) return a.items > b.items;
    return av < bv;
  }

  std::vector<StatsRow> value_rows() const {
    std::vector<StatsRow> out;
    for (const Ordinal o : columns_.ordinals_of(by_.field()))
      if (counts_[o].items != 0) out.push_back(row_of(o, counts_[o]));
    std::ranges::sort(
        out, [&](const StatsRow& a, const StatsRow& b) { return before(by_.field(), a, a.value, b, b.value); });
    return out;
  }

  std::vector<StatsRow> pair_rows() const {
    struct Pair {
      Ordinal value, then;
      StatsCounts counts;
    };
    std::vector<Pair> pairs;
    for (const auto& [key, c] : pairs_)
      pairs.push_back({static_cast<Ordinal>(key >> 32), static_cast<Ordinal>(key), c});
    std::ranges::sort(pairs, [&](const Pair& a, const Pair& b) {
      if (a.value != b.value)
        return before(by_.field(), counts_[a.value], columns_.value_of(a.value), counts_[b.value],
                      columns_.value_of(b.value));
      return before(then_->field(), a.counts, columns_.value_of(a.then), b.counts, columns_.value_of(b.then));
    });
    std::vector<StatsRow> out;
    for (const Pair& p : pairs) {
      StatsRow& row = out.emplace_back(row_of(p.value, p.counts));
      row.then = columns_.value_of(p.then);
    }
    return out;
  }

  const FacetColumns& columns_;
  ColumnMatch matcher_;
  FieldValues by_;
  std::optional<FieldValues> then_;
  std::vector<Decision> decision_;                        // by ordinal of a decision value
  std::vector<StatsCounts> counts_;                       // by ordinal of a `by` value
  std::unordered_map<std::uint64_t, StatsCounts> pairs_;  // by (by ordinal << 32 | then ordinal)
  StatsCounts missing_;
};

// An index written before the month column has years but no months: saying so beats
// answering every dated item as missing.
void require_months(const FacetColumns& columns, const StatsGrouping& grouping) {
  if (grouping.by != FieldId::decision_month && grouping.then != FieldId::decision_month) return;
  if (columns.ordinals_of(FieldId::decision_month).empty() && !columns.ordinals_of(FieldId::decision_year).empty())
    throw std::runtime_error(
        "this index was built before decision months were recorded; index the letters again into a new --db folder "
        "to group by decision_month");
}

}  // namespace

RateInterval wilson_interval(std::size_t successes, std::size_t trials, double z) {
  if (trials == 0) return {};
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double StatsCounts::overturn_rate() const {
  const std::size_t decided = upheld + overturned;
  return decided == 0 ? 0.0 : static_cast<double>(overturned) / static_cast<double>(decided);
}

std::optional<FieldId> stats_field(std::string_view name) {
  const auto field = schema::find_field(name);
  if (field && std::ranges::find(kStatsFields, *field) != kStatsFields.end()) return field;
  return std::nullopt;
}

std::string stats_field_names() {
  return text::join(kStatsFields, ", ", [](FieldId f) { return schema::field(f).name; });
}

bool is_time_field(FieldId field) { return field == FieldId::decision_year || field == FieldId::decision_month; }

namespace {

// The letters of range the query matches. The empty query without filters
// (the analytics overview) needs no matcher: every letter the columns hold.
void scan_part(const Xapian::Database& db, const Xapian::Query& query, const FacetColumns& columns,
               StatsCounter& counter, const Deadline& deadline, DocidRange range) {
  if (query.get_type() == Xapian::Query::LEAF_MATCH_ALL) {
    DeadlineTicker ticker(deadline);
    const Xapian::docid end = range.end == 0 ? columns.docid_end() : std::min(range.end, columns.docid_end());
    for (Xapian::docid d = range.first; d < end; ++d) {
      ticker.tick();
      counter.add(d);
    }
    return;
  }
  scan_docids(
      db, query, [&](Xapian::docid docid) { counter.add(docid); }, deadline, range);
}

// Halves pay for what is scanned over many letters: the overview, or a
// broad count that can be taken in parts.
bool worth_halves(const Xapian::Database& db, const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::LEAF_MATCH_ALL) return true;
  return scans_in_parts(db, query) && counts_broadly(db, query);
}

}  // namespace

StatsTable outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                         const StatsGrouping& grouping, const Deadline& deadline, const FacetColumns* columns,
                         const Xapian::Database* twin) {
  std::shared_ptr<const FacetColumns> built;
  if (columns == nullptr) columns = (built = FacetColumns::build(db)).get();
  require_months(*columns, grouping);
  const Xapian::Query scanned = filtered(query, filters);
  StatsCounter counter(filters, *columns, grouping);
  const Xapian::docid middle = columns->docid_end() / 2;
  if (twin == nullptr || middle <= 1 || !worth_halves(db, scanned)) {
    scan_part(db, scanned, *columns, counter, deadline, {});
    return counter.table();
  }
  // The second half on the other core, on its own handle and its own copy of
  // the query (Xapian's reference counts are not atomic), into a counter on
  // that thread's own stack: on this thread's, written from the other core
  // beside memory this one works in, it made about half of the processes
  // (by where their stacks happened to lie) stall on every item: stats by
  // drug 4.6 ms instead of 3.1.
  const std::string serialised = scanned.serialise();
  std::future<StatsCounter> other = std::async(std::launch::async, [&] {
    StatsCounter second(filters, *columns, grouping);
    scan_part(*twin, Xapian::Query::unserialise(serialised), *columns, second, deadline, {middle, 0});
    return second;
  });
  scan_part(db, scanned, *columns, counter, deadline, {1, middle});
  counter.merge(other.get());
  return counter.table();
}

std::vector<StatsRow> outcome_stats(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                                    FieldId by, const Deadline& deadline, const FacetColumns* columns) {
  return outcome_stats(db, query, filters, StatsGrouping{by, std::nullopt}, deadline, columns).rows;
}

}  // namespace imr::searcher
