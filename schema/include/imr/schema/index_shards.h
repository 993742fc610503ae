// A sharded index on disk: DIR/shard-0 .. DIR/shard-(N-1), each a Xapian
// database, and DIR/XAPIANDB, a Xapian stub file naming them ("auto
// shard-0", one line each) so that Xapian::Database(DIR) opens the set as
// one. A letter lives in the shard its key term hashes to, so re-indexing it
// replaces it in place. An index without a stub is one plain database.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace imr::schema {

// The databases DIR's stub names, in stub order (the combined docid order);
// empty when DIR holds no stub (one plain database, or nothing yet).
std::vector<std::filesystem::path> stub_databases(const std::filesystem::path& dir);

// The shard of a letter with this key term among `shards`: FNV-1a, so the
// choice is the same on every machine and in every release.
std::size_t shard_of(std::string_view key_term, std::size_t shards);

std::filesystem::path shard_path(const std::filesystem::path& dir, std::size_t shard);

// Writes DIR/XAPIANDB naming shard-0 .. shard-(shards-1) (atomically, by rename).
void write_shard_stub(const std::filesystem::path& dir, std::size_t shards);

// An index opened for reading: the combined database and a handle per
// shard sharing its internals (so both see the same revision after a
// reopen). shards is empty for a plain database.
struct OpenedIndex {
  Xapian::Database db;
  std::vector<Xapian::Database> shards;
};
OpenedIndex open_index(const std::filesystem::path& dir);

}  // namespace imr::schema
