// imr-index [--db DIR] [--delete KEY...] [--prune] PATH...
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/file_batches.h"
#include "cli/letter_files.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "document/content_hash.h"
#include "index/index_writer.h"

namespace imr::indexer {
namespace {

// Large enough to keep both cores busy, small enough to bound memory.
constexpr std::size_t kFilesPerBatch = 512;

struct Summary {
  std::size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::string> skipped;  // "path: reason"
  bool failed = false;               // some file could not be read

  void skip(const std::string& what, const std::string& reason, bool is_failure) {
    skipped.push_back(what + ": " + reason);
    failed = failed || is_failure;
  }
  void print() const {
    std::fprintf(stderr, "indexed %zu letters (%zu new, %zu replaced), %zu unchanged, %zu skipped\n",
                 added + replaced, added, replaced, unchanged, skipped.size());
    for (const std::string& s : skipped) std::fprintf(stderr, "  skipped %s\n", s.c_str());
  }
};

void delete_letters(IndexWriter& writer, const std::vector<std::string>& keys, Summary& summary) {
  for (const std::string& key : keys) {
    if (writer.remove(key))
      std::fprintf(stderr, "deleted %s\n", key.c_str());
    else
      summary.skip(key, "no such letter in the index", true);
  }
}

void prune_letters(IndexWriter& writer) {
  const std::size_t n = writer.prune([](const std::string& source) {
    std::error_code ec;
    return std::filesystem::exists(source, ec) || ec;  // an unreadable disk is no proof a file is gone
  });
  std::fprintf(stderr, "pruned %zu letters whose files are gone\n", n);
}

void write_letter(PreparedLetter& p, IndexWriter& writer, Summary& summary) {
  if (!p.letter) return summary.skip(p.source, p.error, true);
  report_warnings(p.source, p.letter->warnings);
  if (!p.document) return summary.skip(p.source, "not a determination letter", false);
  if (p.letter->parsed.record.items.empty())
    report_warnings(p.source, {"no decided items could be read; indexed with the fields that could"});
  (writer.write(*p.document, p.source) == WriteOutcome::added ? summary.added : summary.replaced)++;
}

void index_files(const std::vector<std::string>& files, unsigned threads, IndexWriter& writer,
                 Summary& summary) {
  FileBatches batches(files, kFilesPerBatch,
                      {.wanted =
                           [&](const std::string& source, const std::string& bytes) {
                             if (!writer.unchanged(source, content_hash(bytes))) return true;
                             ++summary.unchanged;
                             return false;
                           },
                       .on_error = [&](const std::string& source,
                                       const std::string& error) { summary.skip(source, error, true); }});
  ParallelPreparer preparer(schema::Vocabulary::builtin(), threads, true);
  Progress progress(files.size());
  // One commit per batch of files: a kill -9 loses at most one batch, and a
  // running imr-search sees new letters as they come rather than at the end.
  stream_prepared(
      batches, preparer, [&](PreparedLetter& p) { write_letter(p, writer, summary); },
      [&](std::size_t n) {
        writer.commit();
        progress.set(n);
      });
  writer.commit();
}

}  // namespace

int run_index(const IndexOptions& options) {
  const LetterFiles files = collect_and_report(options.paths);
  Summary summary;
  summary.failed = !files.errors.empty();
  try {
    IndexWriter writer(options.db);
    delete_letters(writer, options.delete_keys, summary);
    if (options.prune) prune_letters(writer);
    index_files(files.files, worker_threads(options.threads), writer, summary);
  } catch (const std::exception& e) {
    summary.print();
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  summary.print();
  return summary.failed ? 1 : 0;
}

}  // namespace imr::indexer
