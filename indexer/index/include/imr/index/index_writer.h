// The index on disk: adds, replaces and skips letters in batches, each batch
// one Xapian transaction, so an interrupted run (even kill -9) leaves the
// index as of the last committed batch and a re-run completes it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/document/document_builder.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/schema/stem_table.h"

namespace imr::indexer {

// Another process holds the index's write lock.
class IndexLocked : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class WriteOutcome { added, replaced };

// What the index holds from one source file: nothing, only letters with these
// bytes, or some letter from other bytes (then the file must be indexed again).
enum class SourceState { absent, same, differs };

// Letters per transaction: large enough to keep both cores busy between
// commits, small enough to bound memory and what a kill -9 can lose.
inline constexpr std::size_t kLettersPerBatch = 512;

class IndexWriter {
 public:
  // Creates the index when missing. Throws IndexLocked, or
  // std::runtime_error saying why the index cannot be opened (also when its
  // letters were written with another term scheme, schema/stem_table.h). reading_version
  // names the reader and parser that read the letters written: a letter read
  // by another version is not unchanged, so a newer parser reads it again.
  explicit IndexWriter(const std::filesystem::path& dir, std::size_t batch_size = kLettersPerBatch,
                       std::string reading_version = {});
  ~IndexWriter();  // commits the open batch; a crash before that loses only that batch
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // True when the letter last indexed from this source had these bytes and
  // was read by this writer's reading version.
  bool unchanged(std::string_view source, std::string_view content_hash) const {
    return source_state(source, content_hash) == SourceState::same;
  }
  SourceState source_state(std::string_view source, std::string_view content_hash) const;
  WriteOutcome write(const BuiltDocument& doc, std::string_view source);
  // Deletes the letters of this source file except the one with this key term
  // (a file whose case number changed leaves no stale letter behind).
  void drop_stale(std::string_view source, const std::string& keep_key_term);
  // Removes the letter with this case number (or content key); false when absent.
  bool remove(std::string_view key);
  // Removes letters whose source file is gone; returns how many.
  std::size_t prune(const std::function<bool(const std::string& source)>& source_exists);
  // Commits the open batch now. Every write that fails (a full disk) throws
  // std::runtime_error and drops the open batch.
  void commit();
  Xapian::doccount document_count() const { return db_.get_doccount(); }
  // The dictionary this writer compresses letters with (null: none yet); any thread may ask.
  std::shared_ptr<const schema::LetterDictionary> dictionary() const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void begin_batch_if_needed();
  Xapian::Document with_letter(const BuiltDocument& doc);
  std::shared_ptr<const schema::LetterDictionary> train_dictionary_if_needed();
  WriteOutcome write_unguarded(const BuiltDocument& doc, std::string_view source);
  void drop_stale_unguarded(std::string_view source, const std::string& keep_key_term);
  template <typename F>
  auto guarded(F&& step) -> decltype(step());

  Xapian::WritableDatabase db_;
  std::filesystem::path dir_;
  std::size_t batch_size_;
  std::string reading_version_;
  std::size_t in_batch_ = 0;
  // Until the index has a dictionary, the texts of the batches since the last commit that
  // could train one (too few letters) are kept to train one at the next commit.
  std::shared_ptr<const schema::LetterDictionary> dictionary_;  // written by the writer's thread under the mutex
  mutable std::mutex dictionary_mutex_;
  std::vector<std::string> samples_;
  // The stem table's new words, written in the transaction of the letters that hold them.
  schema::StemTableWriter stems_;
};

}  // namespace imr::indexer
