// The index an imr-index run writes: one plain database (no --shards, or
// --shards 1 on a new index: exactly the single-database layout), or N
// shards named by a Xapian stub (imr/schema/index_shards.h), each with its
// own IndexWriter, so each can be written by its own thread.
//
// Each shard commits on its own, so a crash between two shards' commits
// leaves some shards a batch ahead of others: a letter whose case number
// changed may then sit in two shards, or in none. Both are seen by the next
// run: unchanged() asks every shard, and a source with a letter from other
// bytes anywhere is indexed again, which drops the stale copy in every shard.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "imr/index/compaction.h"
#include "imr/index/index_writer.h"

namespace imr::indexer {

class ShardedIndex {
 public:
  // shards 0 keeps the existing index's count (1 for a new index). Throws
  // std::runtime_error when shards differs from an existing index's count
  // (re-sharding is indexing into a new folder), or as IndexWriter does.
  // reading_version: as IndexWriter's, for every shard.
  explicit ShardedIndex(const std::filesystem::path& dir, std::size_t shards = 0,
                        std::size_t batch_size = kLettersPerBatch, const std::string& reading_version = {});

  std::size_t size() const { return writers_.size(); }
  IndexWriter& shard(std::size_t i) { return *writers_[i]; }
  // The dictionary the shard of this key compresses letters with (null: none yet); any thread may ask.
  std::shared_ptr<const schema::LetterDictionary> dictionary_for(const std::string& key_term) const {
    return writers_[shard_of(key_term)]->dictionary();
  }
  std::size_t shard_of(std::string_view key_term) const;

  // The calls below touch every shard: call them only while no shard is being written.
  bool unchanged(std::string_view source, std::string_view content_hash) const;
  bool remove(std::string_view key);
  std::size_t prune(const std::function<bool(const std::string& source)>& source_exists);
  void commit();
  Xapian::doccount document_count() const;
  // Commits, then compacts every shard in turn (compaction.h) while holding
  // its write lock: the last call, after which the index takes no writes (its
  // writers are closed). A kill between two shards leaves some compacted.
  CompactionResult compact(const std::function<void(CompactionStep)>& after_step = {});

 private:
  std::vector<std::unique_ptr<IndexWriter>> writers_;
};

// How many shards the index at dir has: 0 when there is none yet.
std::size_t existing_shard_count(const std::filesystem::path& dir);

}  // namespace imr::indexer
