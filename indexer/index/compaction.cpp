#include "imr/index/compaction.h"

#include <fcntl.h>
#include <stdio.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <xapian.h>

namespace imr::indexer {
namespace {

namespace fs = std::filesystem;

std::uintmax_t folder_bytes(const fs::path& dir) {
  std::uintmax_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec))
    if (e.is_regular_file(ec)) n += e.file_size(ec);
  return n;
}

void copy_compacted(const fs::path& db, const fs::path& copy) {
  try {
    Xapian::Database(db.string()).compact(copy.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot compact the index " + db.string() + ": " + e.get_description() +
                             "; the index is unchanged");
  }
}

// One system call, so no moment sees db missing or half-moved.
void exchange(const fs::path& a, const fs::path& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return;
  const int err = errno;
  throw std::runtime_error("cannot swap " + a.string() + " and " + b.string() + " atomically (" + std::strerror(err) +
                           "); the index is unchanged: compact it by hand as docs/deploy.md shows");
}

void require_plain_database(const fs::path& db) {
  std::error_code ec;
  if (!fs::exists(db / "iamglass", ec))
    throw std::runtime_error("cannot compact " + db.string() + ": it is not a database imr-index wrote (no iamglass)");
}

}  // namespace

fs::path compaction_folder(const fs::path& db) {
  fs::path folder = db.lexically_normal();
  if (!folder.has_filename()) folder = folder.parent_path();
  return folder.string() + ".compacting";
}

CompactionResult compact_database(const fs::path& db, const std::function<void(CompactionStep)>& after_step) {
  require_plain_database(db);
  const fs::path copy = compaction_folder(db);
  fs::remove_all(copy);  // a killed run's copy or old folder
  CompactionResult result{folder_bytes(db), 0};
  try {
    copy_compacted(db, copy);
    if (after_step) after_step(CompactionStep::copied);
    exchange(copy, db);
  } catch (const std::runtime_error&) {
    std::error_code ec;
    fs::remove_all(copy, ec);
    throw;
  }
  if (after_step) after_step(CompactionStep::swapped);
  fs::remove_all(copy);
  result.bytes_after = folder_bytes(db);
  return result;
}

}  // namespace imr::indexer
