#include "imr/pipeline/index_run.h"

#include "imr/pipeline/file_batches.h"

namespace imr::indexer {
namespace {

void write_letter(PreparedLetter& p, IndexWriter& writer, IndexRunSummary& summary, const IndexRunEvents& events) {
  if (!p.letter) return summary.skip(p.source, p.error, true);
  events.warnings(p.source, p.letter->warnings);
  if (!p.document) return summary.skip(p.source, "not a determination letter", false);
  if (p.letter->parsed.record.items.empty())
    events.warnings(p.source, {"no decided items could be read; indexed with the fields that could"});
  (writer.write(*p.document, p.source) == WriteOutcome::added ? summary.added : summary.replaced)++;
  for (const std::string& kind : p.letter->parsed.record.checks) ++summary.checks[kind];
}

}  // namespace

void IndexRunSummary::skip(const std::string& what, const std::string& reason, bool is_failure) {
  skipped.push_back(what + ": " + reason);
  failed = failed || is_failure;
}

void index_files(const std::vector<std::string>& files, unsigned threads, IndexWriter& writer, IndexRunSummary& summary,
                 const IndexRunEvents& events) {
  FileBatches batches(files, {.wanted =
                                  [&](const std::string& source, const std::string& content_hash) {
                                    if (!writer.unchanged(source, content_hash)) return true;
                                    ++summary.unchanged;
                                    return false;
                                  },
                              .on_error = [&](const std::string& source,
                                              const std::string& error) { summary.skip(source, error, true); }});
  const ParallelPreparer preparer(schema::Vocabulary::builtin(), threads, true);
  // One commit per batch of files: a kill -9 loses at most one batch, and a
  // running imr-search sees new letters as they come rather than at the end.
  stream_prepared(
      batches, preparer, [&](PreparedLetter& p) { write_letter(p, writer, summary, events); },
      [&](std::size_t files_done) {
        writer.commit();
        events.progress(files_done);
      });
  writer.commit();
}

}  // namespace imr::indexer
