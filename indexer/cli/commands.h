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
  // After the run: compact when it was a bulk load (auto), always, or never.
  enum class Compact { automatic, always, never } compact = Compact::automatic;
};

// A run that wrote at least this many letters, and at least half of the
// index's, is a bulk load: compacting it saves a third of the index.
inline constexpr std::size_t kAutoCompactLetters = 1000;

// Exit status: 0 all well, 1 some file could not be read, 2 the run failed.
int run_index(const IndexOptions& options);
int run_extract(const std::vector<std::string>& paths, unsigned threads);

}  // namespace imr::indexer
