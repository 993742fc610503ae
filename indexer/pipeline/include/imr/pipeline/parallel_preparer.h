// Prepares letters on every core: each worker thread owns its own loader
// (reader + parser) and document builder, so nothing is shared but the
// immutable vocabulary. Results keep the input order, so a run is
// deterministic however the threads interleave.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "imr/document/document_builder.h"
#include "imr/pipeline/letter_loader.h"

namespace imr::indexer {

struct FileBytes {
  std::string source;  // the path as it will be recorded
  Format format;
  std::string bytes;
  std::string content_hash;  // of bytes (schema::content_hash)
};

struct PreparedLetter {
  std::string source;
  std::optional<LoadedLetter> letter;     // empty when the file could not be read
  std::optional<BuiltDocument> document;  // only when documents were asked for
  std::string error;                      // why it could not be read
};

class ParallelPreparer {
 public:
  ParallelPreparer(std::shared_ptr<const schema::Vocabulary> vocabulary, unsigned threads, bool build_documents,
                   ReaderData reader_data = ReaderData::builtin());
  ~ParallelPreparer();

  // Documents are built with the dictionaries this names (by default none), so the
  // index writer need not compress them again.
  void compress_with(DictionaryFor dictionary_for) { dictionary_for_ = std::move(dictionary_for); }

  std::vector<PreparedLetter> prepare(std::vector<FileBytes> files) const;

 private:
  struct Worker;
  void prepare_one(const Worker& worker, FileBytes& file, PreparedLetter& out) const;

  std::vector<std::unique_ptr<Worker>> workers_;
  bool build_documents_;
  DictionaryFor dictionary_for_;
};

}  // namespace imr::indexer
