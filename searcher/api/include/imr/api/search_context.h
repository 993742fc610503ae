// What one worker thread searches with: its own database handle, query
// parser and analyzer (none of them may be shared between threads).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include <xapian.h>

#include "imr/api/response_cache.h"
#include "imr/collector/deadline.h"
#include "imr/collector/facet_columns.h"
#include "imr/query/query_parser.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/index_shards.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/schema/vocabulary.h"

namespace imr::searcher {

class SearchContext {
 public:
  // index_dir is where db lives on disk, for /api/health's last_update; empty for in-memory indexes.
  SearchContext(Xapian::Database db, std::shared_ptr<const schema::Vocabulary> vocabulary,
                std::filesystem::path index_dir = {});
  // A sharded index (schema/index_shards.h): db combines shards, which share its internals.
  SearchContext(schema::OpenedIndex index, std::shared_ptr<const schema::Vocabulary> vocabulary,
                std::filesystem::path index_dir);

  // Opens the index at dir; throws std::runtime_error telling how to create it when there is none.
  static std::unique_ptr<SearchContext> open(const std::filesystem::path& dir,
                                             std::shared_ptr<const schema::Vocabulary> vocabulary);

  Xapian::Database& db() { return db_; }
  // The shards' own handles when db() combines a sharded index; empty otherwise.
  const std::vector<Xapian::Database>& shards() const { return shards_; }
  // Moves db() to the index's newest revision. A replica that xapian-replicate
  // keeps is a stub naming replica_N; a full copy repoints the stub and deletes
  // the old directory, which reopen() never re-reads, so then db() is opened
  // again from index_dir (what Xapian's replication guide asks of readers).
  void refresh();
  // Opens db() (and the counting twin) afresh from index_dir, re-reading every
  // stub: what a request does when the index changed under it. Only refresh()
  // for an index in memory.
  void reopen_from_disk();
  const QueryParser& parser() const { return parser_; }
  const schema::Analyzer& analyzer() const { return analyzer_; }
  const std::filesystem::path& index_dir() const { return index_dir_; }
  // How long one request may search (kQueryBudget unless set, e.g. tiny in tests).
  std::chrono::milliseconds time_budget() const { return time_budget_; }
  void set_time_budget(std::chrono::milliseconds budget) { time_budget_ = budget; }
  // The deadline of a request that started at start.
  Deadline deadline_from(Clock::time_point start) const { return Deadline(start, time_budget_); }
  // The answers shared by every context of a server (none unless set).
  ResponseCache* response_cache() const { return response_cache_.get(); }
  void set_response_cache(std::shared_ptr<ResponseCache> cache) { response_cache_ = std::move(cache); }
  // The facet columns of db()'s current revision (built on the first request after a change).
  std::shared_ptr<const FacetColumns> facet_columns() {
    return columns_cache_->for_revision(db_, shards_, counting_twin());
  }
  // A second handle on db()'s revision for counting in another thread, or
  // null (an index in memory, or a newer revision on disk than db()'s: then
  // the search counts on one core). A sharded index's twin is compared shard by shard.
  const Xapian::Database* counting_twin();
  // The stored letters' zstd dictionaries, loaded from db() when first needed.
  schema::LetterDictionaries& letter_dictionaries() { return dictionaries_; }
  // Shares one cache between the contexts of a server; a context on its own keeps its own.
  void set_facet_columns_cache(std::shared_ptr<FacetColumnsCache> cache) { columns_cache_ = std::move(cache); }

 private:
  Xapian::Database db_;
  std::vector<Xapian::Database> shards_;
  schema::LetterDictionaries dictionaries_{db_, &shards_};
  std::optional<schema::OpenedIndex> twin_;
  QueryParser parser_;
  schema::Analyzer analyzer_;
  std::filesystem::path index_dir_;
  std::chrono::milliseconds time_budget_ = kQueryBudget;
  std::shared_ptr<ResponseCache> response_cache_;
  std::shared_ptr<FacetColumnsCache> columns_cache_ = std::make_shared<FacetColumnsCache>();
};

}  // namespace imr::searcher
