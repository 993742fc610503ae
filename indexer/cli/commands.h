// The two things imr-index does: index letters, or print their records.
#pragma once

#include <string>
#include <vector>

namespace imr::indexer {

struct IndexOptions {
  std::string db = "data/index";
  std::vector<std::string> paths;
  std::vector<std::string> delete_keys;
  bool prune = false;
  unsigned threads = 0;    // 0: one per core
  std::size_t shards = 0;  // 0: the existing index's count, or one database for a new one
};

// Exit status: 0 all well, 1 some file could not be read, 2 the run failed.
int run_index(const IndexOptions& options);
int run_extract(const std::vector<std::string>& paths, unsigned threads);

}  // namespace imr::indexer
