// FacetColumns: the facet tables of one index revision as ordinals.
#include "imr/collector/facet_columns.h"

#include <future>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "imr/schema/facet_table.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

std::size_t index_of(schema::FieldId field) { return static_cast<std::size_t>(field); }

// Nothing for indexes without revisions: in memory (UnimplementedError) or several databases (InvalidOperationError).
std::optional<Xapian::rev> revision_of(const Xapian::Database& db) {
  try {
    return db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return std::nullopt;
  } catch (const Xapian::UnimplementedError&) {
    return std::nullopt;
  }
}

}  // namespace

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& db, std::size_t kept_matches,
                                                        const Xapian::Database* twin, Xapian::docid two_threads_from) {
  auto out = std::make_shared<FacetColumns>(kept_matches);
  const Xapian::docid end = db.get_lastdocid() + 1;
  out->start(end);
  const Xapian::docid middle = twin != nullptr && end >= two_threads_from ? end / 2 : end;
  if (middle < end) {
    // The second half on the other handle, into columns of its own, numbered into these after.
    FacetColumns second(0);
    second.start(end);
    std::future<void> read = std::async(std::launch::async, [&] { second.read_tables(*twin, {middle, end}); });
    out->read_tables(db, {1, middle});
    read.get();
    out->append(second);
  } else {
    out->read_tables(db, {1, end});
  }
  std::partial_sum(out->doc_rows_.begin(), out->doc_rows_.end(), out->doc_rows_.begin());
  std::partial_sum(out->case_number_ends_.begin(), out->case_number_ends_.end(), out->case_number_ends_.begin());
  out->number_facets_first();
  out->list_distinct_values();
  out->count_every_letter();
  return out;
}

// Rows per docid first, offsets by a prefix sum: the stream is in docid order and docids may be sparse.
void FacetColumns::start(Xapian::docid end) {
  const std::size_t fields = schema::fields().size();
  by_field_.resize(fields);
  exact_.resize(fields);
  folded_.resize(fields);
  doc_rows_.assign(std::size_t{end} + 1, 0);
  case_number_ends_.assign(doc_rows_.size(), 0);
  row_starts_.push_back(0);
}

void FacetColumns::read_tables(const Xapian::Database& db, DocidRange range) {
  schema::FacetTableView view;
  const unsigned slot = schema::slot::facet_table;
  auto it = db.valuestream_begin(slot);
  if (range.first > 1) it.skip_to(range.first);
  for (; it != db.valuestream_end(slot); ++it) {
    const Xapian::docid docid = it.get_docid();
    if (!range.holds(docid) || docid + 1 >= doc_rows_.size()) break;
    const std::string blob = *it;
    try {
      view.parse(blob);
    } catch (const std::runtime_error&) {
      continue;  // unreadable: no rows, so the letter is neither counted nor passes a filter, as before
    }
    add_row(view.letter(), docid);
    for (std::size_t i = 0; i < view.item_count(); ++i) add_row(view.item(i), docid);
    doc_rows_[docid + 1] = static_cast<std::uint32_t>(1 + view.item_count());
  }
}

// The later docids' tables, read into `later` (started alike, nothing summed
// yet): its values numbered into this numbering, its rows and case numbers
// after these.
void FacetColumns::append(const FacetColumns& later) {
  std::vector<Ordinal> renumbered(later.values_.size());
  for (std::size_t o = 0; o < renumbered.size(); ++o) renumbered[o] = intern(later.fields_[o], later.values_[o]);
  const auto offset = static_cast<std::uint32_t>(entries_.size());
  for (const Ordinal o : later.entries_) entries_.push_back(renumbered[o]);
  for (std::size_t r = 1; r < later.row_starts_.size(); ++r) row_starts_.push_back(offset + later.row_starts_[r]);
  for (std::size_t d = 0; d < doc_rows_.size(); ++d) {
    doc_rows_[d] += later.doc_rows_[d];
    case_number_ends_[d] += later.case_number_ends_[d];
  }
  case_numbers_ += later.case_numbers_;
}

// Once per revision, so that counting a broad query's letters is a plain
// walk of each one's list: no rows, no per-letter stamps, no other fields.
void FacetColumns::list_distinct_values() {
  std::vector<Xapian::docid> seen_in(facet_values_, 0);
  distinct_starts_.assign(std::size_t{docid_end()} + 1, 0);
  for (Xapian::docid d = 1; d < docid_end(); ++d) {
    for (std::size_t r = 0; r < row_count(d); ++r)
      for (const Ordinal o : row(d, r))
        if (o < facet_values_ && seen_in[o] != d) {
          seen_in[o] = d;
          distinct_.push_back(o);
        }
    distinct_starts_[d + 1] = static_cast<std::uint32_t>(distinct_.size());
  }
}

std::span<const Ordinal> FacetColumns::distinct_facet_values(Xapian::docid docid) const {
  if (docid == 0 || docid >= docid_end()) return {};
  const std::uint32_t start = distinct_starts_[docid];
  return std::span(distinct_).subspan(start, distinct_starts_[docid + 1] - start);
}

void FacetColumns::count_every_letter() {
  letters_with_.assign(facet_values_, 0);
  for (Xapian::docid d = 1; d < docid_end(); ++d) {
    if (!has_table(d)) continue;
    ++letter_count_;
    for (const Ordinal o : distinct_facet_values(d)) ++letters_with_[o];
  }
}

void FacetColumns::number_facets_first() {
  std::vector<Ordinal> new_of(values_.size());
  Ordinal next = 0;
  for (const bool facet : {true, false})
    for (std::size_t o = 0; o < values_.size(); ++o)
      if (schema::field(fields_[o]).facet == facet) new_of[o] = next++;
  std::vector<std::string> values(values_.size());
  std::vector<schema::FieldId> fields(fields_.size());
  for (std::size_t o = 0; o < values_.size(); ++o) {
    values[new_of[o]] = std::move(values_[o]);
    fields[new_of[o]] = fields_[o];
    if (schema::field(fields_[o]).facet) ++facet_values_;
  }
  values_ = std::move(values);
  fields_ = std::move(fields);
  for (Ordinal& o : entries_) o = new_of[o];
  for (std::vector<Ordinal>& list : by_field_)
    for (Ordinal& o : list) o = new_of[o];
  for (ValueMap<Ordinal>& exact : exact_)
    for (auto& entry : exact) entry.second = new_of[entry.second];
  for (ValueMap<std::vector<Ordinal>>& folded : folded_)
    for (auto& entry : folded)
      for (Ordinal& o : entry.second) o = new_of[o];
}

// Case numbers are appended in docid order: their lengths now, their ends by a prefix sum.
void FacetColumns::add_row(std::span<const schema::FacetValueView> row, Xapian::docid docid) {
  for (const schema::FacetValueView& v : row) {
    if (v.field != schema::FieldId::case_number) {
      entries_.push_back(intern(v.field, v.value));
    } else if (case_number_ends_[docid] == 0) {
      case_numbers_ += v.value;
      case_number_ends_[docid] = static_cast<std::uint32_t>(v.value.size());
    }
  }
  row_starts_.push_back(static_cast<std::uint32_t>(entries_.size()));
}

std::string_view FacetColumns::case_number_of(Xapian::docid docid) const {
  if (docid == 0 || docid >= case_number_ends_.size()) return {};
  const std::uint32_t start = case_number_ends_[docid - 1];
  return std::string_view(case_numbers_).substr(start, case_number_ends_[docid] - start);
}

Ordinal FacetColumns::intern(schema::FieldId field, std::string_view value) {
  return entry(exact_[index_of(field)], value, [&](std::string_view v) {
    const auto ordinal = static_cast<Ordinal>(values_.size());
    values_.emplace_back(v);
    fields_.push_back(field);
    by_field_[index_of(field)].push_back(ordinal);
    entry(folded_[index_of(field)], text::lower(v), [](std::string_view) {
      return std::vector<Ordinal>{};
    }).push_back(ordinal);
    return ordinal;
  });
}

std::size_t FacetColumns::row_count(Xapian::docid docid) const {
  if (std::size_t{docid} + 1 >= doc_rows_.size()) return 0;
  return doc_rows_[docid + 1] - doc_rows_[docid];
}

std::span<const Ordinal> FacetColumns::row(Xapian::docid docid, std::size_t r) const {
  const std::size_t at = doc_rows_[docid] + r;
  return std::span(entries_).subspan(row_starts_[at], row_starts_[at + 1] - row_starts_[at]);
}

std::span<const Ordinal> FacetColumns::ordinals_of(schema::FieldId field) const { return by_field_[index_of(field)]; }

std::span<const Ordinal> FacetColumns::matching(schema::FieldId field, std::string_view value) const {
  const ValueMap<std::vector<Ordinal>>& folded = folded_[index_of(field)];
  const auto it = folded.find(text::lower(value));
  if (it == folded.end()) return {};
  return it->second;
}

bool IndexVersion::newer_than(const IndexVersion& other) const {
  if (uuids != other.uuids || revisions.size() != other.revisions.size()) return true;
  for (std::size_t i = 0; i < revisions.size(); ++i)
    if (revisions[i] < other.revisions[i]) return false;
  return revisions != other.revisions;
}

std::optional<IndexVersion> version_of(const Xapian::Database& db, std::span<const Xapian::Database> shards) {
  if (shards.empty()) shards = {&db, 1};
  IndexVersion v;
  for (const Xapian::Database& shard : shards) {
    const std::optional<Xapian::rev> revision = revision_of(shard);
    if (!revision) return std::nullopt;
    v.revisions.push_back(*revision);
    v.uuids.push_back(shard.get_uuid());
  }
  return v;
}

std::shared_ptr<const FacetColumns> FacetColumnsCache::for_revision(const Xapian::Database& db,
                                                                    std::span<const Xapian::Database> shards,
                                                                    const Xapian::Database* twin) {
  const std::optional<IndexVersion> version = version_of(db, shards);
  if (!version) return FacetColumns::build(db, kept_matches_);
  const std::lock_guard lock(mutex_);
  if (newest_ && *version == version_) return newest_;
  std::shared_ptr<const FacetColumns> built = FacetColumns::build(db, kept_matches_, twin);
  // A handle still on an older revision gets its own columns; only the newest are kept.
  if (!newest_ || version->newer_than(version_)) {
    newest_ = built;
    version_ = *version;
  }
  return built;
}

}  // namespace imr::searcher
