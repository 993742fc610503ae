// One run of the indexer over a list of files: each file read and hashed
// once, files unchanged since they were indexed skipped, the rest prepared on
// every core and written one batch (one transaction) at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "imr/index/sharded_index.h"

namespace imr::indexer {

struct IndexRunSummary {
  std::size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::string> skipped;  // "path: reason"
  bool failed = false;               // some file could not be read
  // Per self-check kind (schema/checks.h), how many letters written in this run carry it.
  std::map<std::string, std::size_t> checks;

  void skip(const std::string& what, const std::string& reason, bool is_failure);
};

// What a run tells its caller as it goes.
struct IndexRunEvents {
  std::function<void(const std::string& source, const std::vector<std::string>& warnings)> warnings;
  std::function<void(std::size_t files_done)> progress;  // after each committed batch
};

// Letters go to their shards' writer threads, one per shard of index.
void index_files(const std::vector<std::string>& files, unsigned threads, ShardedIndex& index, IndexRunSummary& summary,
                 const IndexRunEvents& events);

}  // namespace imr::indexer
