// Facet columns (doc values): every letter's facet table turned once per
// index revision into small integer ordinals in flat arrays, so counting a
// match is array reads and integer increments: no document fetched, no
// string parsed or compared per match. Built from the facet-table value slot
// alone (a value stream, in docid order), immutable afterwards and so shared
// by every worker thread; beside them, the revision's cache of broad matches
// (thread-safe on its own). See searcher/README.md, "Facet columns".
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/collector/docid_stream.h"
#include "imr/collector/match_cache.h"
#include "imr/collector/value_map.h"
#include "imr/schema/facet_table.h"
#include "imr/schema/field.h"

namespace imr::searcher {

// A (field, display value) pair's number; one numbering across fields, so a
// letter's row is a plain list of ordinals and each ordinal knows its field.
using Ordinal = std::uint32_t;

// Broad matches kept per revision by default: thirty-two phrases' bits are
// 400 KB at 100,000 letters, 4 MB at a million.
constexpr std::size_t kKeptMatches = 32;

class FacetColumns {
 public:
  explicit FacetColumns(std::size_t kept_matches = kKeptMatches) : matches_(kept_matches) {}

  // Below this many docids one thread reads every table: a second costs more than it saves.
  static constexpr Xapian::docid kTwoThreadsFrom = 20000;

  // Reads every facet table of db; letters without a readable table get no rows.
  // Given twin, a second handle on db's revision, an index of two_threads_from
  // docids or more has its second half read on it in another thread.
  static std::shared_ptr<const FacetColumns> build(const Xapian::Database& db, std::size_t kept_matches = kKeptMatches,
                                                   const Xapian::Database* twin = nullptr,
                                                   Xapian::docid two_threads_from = kTwoThreadsFrom);

  // Letters with a readable facet table have row 0 (the letter's values) and one row per item.
  bool has_table(Xapian::docid docid) const { return row_count(docid) != 0; }
  std::size_t row_count(Xapian::docid docid) const;
  std::span<const Ordinal> row(Xapian::docid docid, std::size_t r) const;

  // A letter's case number as stored, or "". Case numbers are one per letter,
  // so they are kept as each letter's string, not numbered: numbering them
  // would cost two map entries a letter (200 bytes at a million letters) and
  // most of the build's hashing, for a filter by case number alone.
  std::string_view case_number_of(Xapian::docid docid) const;

  std::size_t value_count() const { return values_.size(); }
  // Facet fields' values are numbered first, [0, facet_value_count()): a query's counting arrays
  // need not cover the values of the other fields (priority, sex, month).
  std::size_t facet_value_count() const { return facet_values_; }
  schema::FieldId field_of(Ordinal ordinal) const { return fields_[ordinal]; }
  // The display form as stored ("CA", "Internal Medicine").
  std::string_view value_of(Ordinal ordinal) const { return values_[ordinal]; }
  // Every ordinal of a field, in the order first seen.
  std::span<const Ordinal> ordinals_of(schema::FieldId field) const;
  // The ordinals of a field whose value equals `value` but for ASCII case (text::iequals), as filters compare.
  std::span<const Ordinal> matching(schema::FieldId field, std::string_view value) const;

  // Every docid is below this.
  Xapian::docid docid_end() const { return static_cast<Xapian::docid>(doc_rows_.size() - 1); }
  // Letters with a readable facet table.
  Xapian::doccount letter_count() const { return letter_count_; }
  // Each facet value of a letter once, however many of its items carry it:
  // what counting a letter without filters adds one to.
  std::span<const Ordinal> distinct_facet_values(Xapian::docid docid) const;
  // By facet value: the letters that have it (each letter once). The empty
  // query's counts, and a broad query's less the letters it does not match.
  std::span<const Xapian::doccount> letters_with() const { return letters_with_; }

  // The letters of this revision's recent broad matcher queries.
  MatchCache& matches() const { return matches_; }

 private:
  void start(Xapian::docid end);
  void read_tables(const Xapian::Database& db, DocidRange range);
  void append(const FacetColumns& later);
  void add_row(std::span<const schema::FacetValueView> row, Xapian::docid docid);
  void number_facets_first();
  void list_distinct_values();
  void count_every_letter();
  Ordinal intern(schema::FieldId field, std::string_view value);

  std::vector<std::uint32_t> doc_rows_;    // docid d's rows are [doc_rows_[d], doc_rows_[d + 1])
  std::vector<std::uint32_t> row_starts_;  // row r's ordinals are entries_[row_starts_[r], row_starts_[r + 1])
  std::vector<Ordinal> entries_;
  std::vector<std::uint32_t> case_number_ends_;  // docid d's case number is case_numbers_[ends_[d - 1], ends_[d])
  std::string case_numbers_;
  std::size_t facet_values_ = 0;
  Xapian::doccount letter_count_ = 0;
  std::vector<Xapian::doccount> letters_with_;  // by facet value
  std::vector<std::uint32_t> distinct_starts_;  // docid d's are distinct_[starts[d], starts[d + 1])
  std::vector<Ordinal> distinct_;
  std::vector<schema::FieldId> fields_;  // by ordinal
  std::vector<std::string> values_;      // by ordinal
  std::vector<std::vector<Ordinal>> by_field_;
  std::vector<ValueMap<Ordinal>> exact_;                // per field: display form -> ordinal
  std::vector<ValueMap<std::vector<Ordinal>>> folded_;  // per field: text::lower(display) -> ordinals
  mutable MatchCache matches_;
};

// Which revision of which databases a handle reads: per database (the
// shards, or the one plain database) its uuid and revision. The uuid tells a
// rebuilt index (revisions counted again from 1) from an older revision.
struct IndexVersion {
  std::vector<std::string> uuids;
  std::vector<Xapian::rev> revisions;
  bool operator==(const IndexVersion&) const = default;
  // Not older than other in any database (and not the same).
  bool newer_than(const IndexVersion& other) const;
};
// Nothing for indexes without revisions (in memory, or several databases without their shards' handles).
std::optional<IndexVersion> version_of(const Xapian::Database& db, std::span<const Xapian::Database> shards = {});

// The columns of the newest index revision, shared by every worker thread:
// a miss builds them under the mutex (the other threads wait rather than
// build the same columns twice). Indexes without revisions (in memory, or
// several databases at once) get columns built for the one call.
// A sharded index's combined Database has no revision of its own: its
// version is its shards' (pass the shards' own handles, schema::open_index).
class FacetColumnsCache {
 public:
  // kept_matches: each revision's match cache (0: none, every count scans).
  explicit FacetColumnsCache(std::size_t kept_matches = kKeptMatches) : kept_matches_(kept_matches) {}

  // twin: as for FacetColumns::build.
  std::shared_ptr<const FacetColumns> for_revision(const Xapian::Database& db,
                                                   std::span<const Xapian::Database> shards = {},
                                                   const Xapian::Database* twin = nullptr);

 private:
  const std::size_t kept_matches_;
  std::mutex mutex_;
  std::shared_ptr<const FacetColumns> newest_;
  IndexVersion version_;
};

}  // namespace imr::searcher
