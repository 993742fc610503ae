#include "report.h"

#include <cstdio>
#include <thread>

namespace imr::indexer {

void report_warnings(const std::string& source, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) std::fprintf(stderr, "warning: %s: %s\n", source.c_str(), w.c_str());
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
