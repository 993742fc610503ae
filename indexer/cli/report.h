// What imr-index tells the user on stderr, shared by its commands.
#pragma once

#include <string>
#include <vector>

#include "imr/pipeline/index_run.h"
#include "imr/pipeline/letter_files.h"

namespace imr::indexer {

void report_warnings(const std::string& source, const std::vector<std::string>& warnings);
// One line per self-check kind, every kind, with how many of the run's letters carry it.
void report_checks(const IndexRunSummary& summary);
// The letter files the paths name; paths that do not exist are reported.
LetterFiles collect_and_report(const std::vector<std::string>& paths);
// The number of worker threads: as asked, or one per core.
unsigned worker_threads(unsigned asked);

}  // namespace imr::indexer
