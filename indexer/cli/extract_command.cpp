// imr-index extract PATH...: one JSON record per letter on stdout.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "imr/pipeline/file_batches.h"
#include "report.h"

namespace imr::indexer {

int run_extract(const std::vector<std::string>& paths, unsigned threads) {
  const LetterFiles files = collect_and_report(paths);
  bool failed = !files.errors.empty();
  auto report_error = [&](const std::string& source, const std::string& error) {
    std::fprintf(stderr, "error: %s: %s\n", source.c_str(), error.c_str());
    failed = true;
  };
  FileBatches batches(
      files.files, {.wanted = [](const std::string&, const std::string&) { return true; }, .on_error = report_error});
  ParallelPreparer preparer(schema::Vocabulary::builtin(), worker_threads(threads), false);
  stream_prepared(
      batches, preparer,
      [&](PreparedLetter& p) {
        if (!p.letter) return report_error(p.source, p.error);
        report_warnings(p.source, p.letter->warnings);
        if (!p.letter->parsed.is_letter) report_warnings(p.source, {"does not look like a determination letter"});
        std::cout << nlohmann::json(p.letter->parsed.record).dump() << '\n';
      },
      [](std::size_t) {});
  return failed ? 1 : 0;
}

}  // namespace imr::indexer
