#include "report.h"

#include <cstdio>
#include <thread>

#include "imr/schema/checks.h"

namespace imr::indexer {

void report_warnings(const std::string& source, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s: %s\n", source.c_str(), w.c_str());
}

void report_checks(const IndexRunSummary& summary) {
  const std::size_t letters = summary.added + summary.replaced;
  for (const schema::CheckKind& kind : schema::check_kinds()) {
    const auto it = summary.checks.find(kind.name);
    std::fprintf(stderr, "check %s: %zu of %zu letters - %s\n", kind.name.c_str(),
                 it == summary.checks.end() ? 0 : it->second, letters, kind.description.c_str());
  }
}

LetterFiles collect_and_report(const std::vector<std::string>& paths) {
  LetterFiles files = collect_letter_files(paths);
  for (const std::string& e : files.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  return files;
}

unsigned worker_threads(unsigned asked) {
  if (asked > 0) return asked;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace imr::indexer
