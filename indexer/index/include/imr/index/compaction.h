// Compacting a database in place, safely: Xapian::Database::compact writes a
// full copy beside it (DB.compacting), then one renameat2(RENAME_EXCHANGE)
// swaps the two folders, so at every moment DB is a whole database (the old
// one, then the compacted one) and a kill at any point loses nothing. The
// old folder, now DB.compacting, is deleted last; a leftover from a killed
// run is deleted by the next compaction. A searcher that holds the old files
// open reads them until it reopens DB (imr-search does on the next request).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>

namespace imr::indexer {

enum class CompactionStep { copied, swapped };

struct CompactionResult {
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
};

// Where the compacted copy is written, then where the old folder goes.
std::filesystem::path compaction_folder(const std::filesystem::path& db);

// Compacts the plain Xapian database at db. The caller keeps every writer of
// db out (holds its write lock, with nothing uncommitted). after_step, when
// given, is called after each step (tests make it throw, as a kill would stop
// the run there). Throws std::runtime_error when the copy or the swap fails
// (then db is unchanged), e.g. on a file system that cannot swap folders.
CompactionResult compact_database(const std::filesystem::path& db,
                                  const std::function<void(CompactionStep)>& after_step = {});

}  // namespace imr::indexer
