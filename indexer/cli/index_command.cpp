// imr-index [--db DIR] [--shards N] [--delete KEY...] [--prune] [--compact | --no-compact] PATH...
#include <chrono>
#include <cstdio>
#include <string>

#include "commands.h"
#include "imr/parser/letter_parser.h"
#include "imr/pipeline/index_run.h"
#include "progress.h"
#include "report.h"

namespace imr::indexer {
namespace {

// What the run did, on stderr.
void print_summary(const IndexRunSummary& summary) {
  std::fprintf(stderr, "indexed %zu letters (%zu new, %zu replaced), %zu unchanged, %zu skipped\n",
               summary.added + summary.replaced, summary.added, summary.replaced, summary.unchanged,
               summary.skipped.size());
  for (const std::string& s : summary.skipped) std::fprintf(stderr, "  skipped %s\n", s.c_str());
  report_checks(summary);
}

void delete_letters(ShardedIndex& index, const std::vector<std::string>& keys, IndexRunSummary& summary) {
  for (const std::string& key : keys) {
    if (index.remove(key))
      std::fprintf(stderr, "deleted %s\n", key.c_str());
    else
      summary.skip(key, "no such letter in the index", true);
  }
}

void prune_letters(ShardedIndex& index) {
  const std::size_t n = index.prune([](const std::string& source) {
    std::error_code ec;
    return std::filesystem::exists(source, ec) || ec;  // an unreadable disk is no proof a file is gone
  });
  std::fprintf(stderr, "pruned %zu letters whose files are gone\n", n);
}

void index_and_report(const std::vector<std::string>& files, unsigned threads, ShardedIndex& index,
                      IndexRunSummary& summary) {
  Progress progress(files.size());
  index_files(files, threads, index, summary,
              {.warnings = report_warnings, .progress = [&](std::size_t n) { progress.set(n); }});
}

bool wants_compaction(const IndexOptions& options, const IndexRunSummary& summary, const ShardedIndex& index) {
  const std::size_t written = summary.added + summary.replaced;
  switch (options.compact) {
    case IndexOptions::Compact::always:
      return true;
    case IndexOptions::Compact::never:
      return false;
    case IndexOptions::Compact::automatic:
      break;
  }
  return written >= kAutoCompactLetters && 2 * written >= index.document_count();
}

void compact_and_report(ShardedIndex& index) {
  const auto start = std::chrono::steady_clock::now();
  const CompactionResult r = index.compact();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  constexpr double kMiB = 1024.0 * 1024.0;
  std::fprintf(stderr, "compacted the index: %.1f MiB -> %.1f MiB in %.1f s\n",
               static_cast<double>(r.bytes_before) / kMiB, static_cast<double>(r.bytes_after) / kMiB, seconds);
}

}  // namespace

int run_index(const IndexOptions& options) {
  const LetterFiles files = collect_and_report(options.paths);
  IndexRunSummary summary;
  summary.failed = !files.errors.empty();
  try {
    ShardedIndex index(options.db, options.shards, kLettersPerBatch, std::string(kReadingVersion));
    delete_letters(index, options.delete_keys, summary);
    if (options.prune) prune_letters(index);
    index_and_report(files.files, worker_threads(options.threads), index, summary);
    if (wants_compaction(options, summary, index)) compact_and_report(index);
  } catch (const std::exception& e) {
    print_summary(summary);
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  print_summary(summary);
  return summary.failed ? 1 : 0;
}

}  // namespace imr::indexer
