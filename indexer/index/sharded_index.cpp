#include "imr/index/sharded_index.h"

#include <stdexcept>

#include "imr/schema/index_shards.h"
#include "imr/schema/letter_identity.h"

namespace imr::indexer {
namespace {

bool holds_plain_database(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const char* marker : {"iamglass", "iamchert"})
    if (std::filesystem::exists(dir / marker, ec)) return true;
  return false;
}

std::size_t chosen_shard_count(const std::filesystem::path& dir, std::size_t requested) {
  const std::size_t existing = existing_shard_count(dir);
  if (requested == 0) return existing == 0 ? 1 : existing;
  if (existing != 0 && existing != requested)
    throw std::runtime_error("the index " + dir.string() + " has " + std::to_string(existing) + " shard(s), not " +
                             std::to_string(requested) +
                             ": re-sharding is explicit: index into a new folder (imr-index --db NEW --shards " +
                             std::to_string(requested) + " PATH...), then swap the folders");
  return requested;
}

}  // namespace

std::size_t existing_shard_count(const std::filesystem::path& dir) {
  const std::size_t listed = schema::stub_databases(dir).size();
  if (listed > 0) return listed;
  return holds_plain_database(dir) ? 1 : 0;
}

ShardedIndex::ShardedIndex(const std::filesystem::path& dir, std::size_t shards, std::size_t batch_size,
                           const std::string& reading_version) {
  const std::size_t n = chosen_shard_count(dir, shards);
  // One database, or a stub naming one (Xapian writes through it), as before shards.
  if (n == 1) {
    writers_.push_back(std::make_unique<IndexWriter>(dir, batch_size, reading_version));
    return;
  }
  const std::vector<std::filesystem::path> listed = schema::stub_databases(dir);
  for (std::size_t i = 0; i < listed.size(); ++i)
    if (listed[i] != schema::shard_path(dir, i))
      throw std::runtime_error("the stub " + (dir / "XAPIANDB").string() + " names " + listed[i].string() +
                               ", not a shard imr-index made; index into a new folder");
  for (std::size_t i = 0; i < n; ++i)
    writers_.push_back(std::make_unique<IndexWriter>(schema::shard_path(dir, i), batch_size, reading_version));
  // Written after the shards exist, so a stub never names a missing database.
  if (listed.empty()) schema::write_shard_stub(dir, n);
}

std::size_t ShardedIndex::shard_of(std::string_view key_term) const {
  return schema::shard_of(key_term, writers_.size());
}

bool ShardedIndex::unchanged(std::string_view source, std::string_view content_hash) const {
  bool same = false;
  for (const auto& w : writers_) {
    const SourceState state = w->source_state(source, content_hash);
    if (state == SourceState::differs) return false;
    same = same || state == SourceState::same;
  }
  return same;
}

bool ShardedIndex::remove(std::string_view key) { return writers_[shard_of(schema::key_term(key))]->remove(key); }

std::size_t ShardedIndex::prune(const std::function<bool(const std::string& source)>& source_exists) {
  std::size_t n = 0;
  for (const auto& w : writers_) n += w->prune(source_exists);
  return n;
}

void ShardedIndex::commit() {
  for (const auto& w : writers_) w->commit();
}

CompactionResult ShardedIndex::compact(const std::function<void(CompactionStep)>& after_step) {
  commit();
  CompactionResult total;
  for (const auto& w : writers_) {
    const CompactionResult one = compact_database(w->dir(), after_step);
    total.bytes_before += one.bytes_before;
    total.bytes_after += one.bytes_after;
  }
  // Each writer's handles are on its old, deleted files: it must write nothing more.
  writers_.clear();
  return total;
}

Xapian::doccount ShardedIndex::document_count() const {
  Xapian::doccount n = 0;
  for (const auto& w : writers_) n += w->document_count();
  return n;
}

}  // namespace imr::indexer
