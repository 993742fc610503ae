#include "imr/pipeline/parallel_preparer.h"

#include <atomic>
#include <thread>

namespace imr::indexer {

struct ParallelPreparer::Worker {
  Worker(std::shared_ptr<const schema::Vocabulary> vocabulary, ReaderData reader_data)
      : loader(std::move(vocabulary), std::move(reader_data)) {}
  LetterLoader loader;
  DocumentBuilder builder;
};

ParallelPreparer::ParallelPreparer(std::shared_ptr<const schema::Vocabulary> vocabulary, unsigned threads,
                                   bool build_documents, ReaderData reader_data)
    : build_documents_(build_documents) {
  for (unsigned i = 0; i < (threads == 0 ? 1 : threads); ++i)
    workers_.push_back(std::make_unique<Worker>(vocabulary, reader_data));
}

ParallelPreparer::~ParallelPreparer() = default;

void ParallelPreparer::prepare_one(const Worker& worker, FileBytes& file, PreparedLetter& out) const {
  out.source = file.source;
  try {
    LoadedLetter letter = worker.loader.load_bytes(file.bytes, file.format, file.source);
    if (build_documents_ && letter.parsed.is_letter)
      out.document = worker.builder.build(letter.parsed.record, letter.clean_text, file.content_hash, dictionary_for_);
    out.letter = std::move(letter);
  } catch (const ReadError& e) {
    out.error = e.what();
  } catch (const std::exception& e) {
    // A parser bug on one file must not cost the user the rest of the run.
    out.error = std::string("internal error while reading this letter: ") + e.what();
  }
  file.bytes.clear();
  file.bytes.shrink_to_fit();
}

std::vector<PreparedLetter> ParallelPreparer::prepare(std::vector<FileBytes> files) const {
  std::vector<PreparedLetter> out(files.size());
  std::atomic<std::size_t> next{0};
  auto run = [&](const Worker& worker) {
    for (std::size_t i = next++; i < files.size(); i = next++) prepare_one(worker, files[i], out[i]);
  };
  std::vector<std::jthread> threads;
  for (std::size_t w = 1; w < workers_.size() && w < files.size(); ++w)
    threads.emplace_back(run, std::cref(*workers_[w]));
  run(*workers_[0]);
  return out;
}

}  // namespace imr::indexer
