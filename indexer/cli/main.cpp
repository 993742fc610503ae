// imr-index: index letters into a Xapian index, or print their records.
//
//   imr-index [--db DIR] [--shards N] [--threads N] PATH... [--delete KEY...] [--prune] [--compact | --no-compact]
//   imr-index extract PATH...
#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  using namespace imr::indexer;
  CLI::App app{"imr-index: index IMR determination letters (.txt .md .html .pdf) for imr-search"};
  app.require_subcommand(0, 1);
  IndexOptions options;
  app.add_option("--db", options.db, "index folder")->capture_default_str();
  app.add_option("--threads", options.threads, "worker threads (default: one per core)");
  app.add_option("--shards", options.shards,
                 "write N shard databases in parallel (a new index; an existing one keeps its count)")
      ->check(CLI::Range(1, 64));
  app.add_option("--delete", options.delete_keys, "remove these letters (case numbers or keys) from the index");
  app.add_flag("--prune", options.prune, "remove letters whose source files are gone");
  bool compact = false, no_compact = false;
  app.add_flag("--compact", compact, "compact the index after the run (also alone: imr-index --db DIR --compact)");
  app.add_flag("--no-compact", no_compact,
               "never compact (by default a run that wrote at least 1,000 letters and half the index does)")
      ->excludes("--compact");
  app.add_option("paths", options.paths, "letter files or folders (searched recursively)");

  CLI::App* extract = app.add_subcommand("extract", "print one JSON record per letter; index nothing");
  std::vector<std::string> extract_paths;
  extract->add_option("paths", extract_paths, "letter files or folders")->required();

  CLI11_PARSE(app, argc, argv);
  // Past a file-size limit (ulimit -f) a write should fail with an error the
  // run reports, as on a full disk, instead of the signal killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  try {
    if (extract->parsed()) return run_extract(extract_paths, options.threads);
    if (compact) options.compact = IndexOptions::Compact::always;
    if (no_compact) options.compact = IndexOptions::Compact::never;
    if (options.paths.empty() && options.delete_keys.empty() && !options.prune && !compact) {
      std::cerr << app.help();
      return 2;
    }
    return run_index(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
}
