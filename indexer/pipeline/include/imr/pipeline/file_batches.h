// Reads the named files in batches, in order, so a run over millions of
// letters holds only one batch of bytes in memory at a time. A batch is as
// large as one index transaction (kLettersPerBatch), so an interrupted run
// loses at most one batch. Each file is read and hashed once.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "imr/index/index_writer.h"
#include "imr/pipeline/parallel_preparer.h"

namespace imr::indexer {

// Decides, from a file's source and the hash of its bytes, whether to prepare
// it; files it rejects are not read again. Unreadable files are reported
// through on_error.
struct BatchReader {
  std::function<bool(const std::string& source, const std::string& content_hash)> wanted;
  std::function<void(const std::string& source, const std::string& error)> on_error;
};

class FileBatches {
 public:
  FileBatches(const std::vector<std::string>& files, BatchReader reader);
  // The next batch (empty when all files were read).
  std::vector<FileBytes> next();
  std::size_t read_count() const { return position_; }
  bool done() const { return position_ >= files_.size(); }

 private:
  const std::vector<std::string>& files_;
  BatchReader reader_;
  std::size_t position_ = 0;
};

// Reads batch after batch and prepares each on every core while the caller
// consumes the previous one, calling `each` for every letter in file order
// and `progress` with the number of files read so far.
void stream_prepared(FileBatches& batches, const ParallelPreparer& preparer,
                     const std::function<void(PreparedLetter&)>& each,
                     const std::function<void(std::size_t files_read)>& progress);

}  // namespace imr::indexer
