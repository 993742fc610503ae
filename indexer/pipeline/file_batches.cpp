#include "imr/pipeline/file_batches.h"

#include <filesystem>
#include <future>

#include "imr/schema/letter_identity.h"

namespace imr::indexer {

FileBatches::FileBatches(const std::vector<std::string>& files, BatchReader reader)
    : files_(files), reader_(std::move(reader)) {}

std::vector<FileBytes> FileBatches::next() {
  std::vector<FileBytes> batch;
  while (position_ < files_.size() && batch.size() < kLettersPerBatch) {
    const std::string& source = files_[position_++];
    const std::filesystem::path path(source);
    try {
      std::string bytes = read_file_bytes(path);
      std::string hash = schema::content_hash(bytes);
      if (reader_.wanted(source, hash)) batch.push_back({source, format_of(path), std::move(bytes), std::move(hash)});
    } catch (const ReadError& e) {
      reader_.on_error(source, e.what());
    }
  }
  return batch;
}

namespace {

std::future<std::vector<PreparedLetter>> prepare_async(const ParallelPreparer& preparer, std::vector<FileBytes> batch) {
  return std::async(std::launch::async,
                    [&preparer, b = std::move(batch)]() mutable { return preparer.prepare(std::move(b)); });
}

}  // namespace

void stream_prepared(FileBatches& batches, const ParallelPreparer& preparer,
                     const std::function<void(PreparedLetter&)>& each,
                     const std::function<void(std::size_t files_read)>& progress) {
  auto pending = prepare_async(preparer, batches.next());
  for (;;) {
    std::vector<PreparedLetter> ready = pending.get();
    const std::size_t files_read = batches.read_count();
    const bool more = !batches.done();
    // Reading the next batch overlaps with consuming this one.
    if (more) pending = prepare_async(preparer, batches.next());
    for (PreparedLetter& letter : ready) each(letter);
    progress(files_read);
    if (!more) return;
  }
}

}  // namespace imr::indexer
