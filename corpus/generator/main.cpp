// imr-generate: a realistic corpus of IMR letters with their true records.
//
//   imr-generate --letters N --out DIR [--seed S] [--pdf K] [--markdown K] [--threads T]
#include <cstdint>
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "corpus_writer.h"

int main(int argc, char** argv) {
  imr::generator::CorpusOptions options;
  CLI::App app{"Generate realistic IMR determination letters with their true records"};
  app.add_option("--letters", options.letters, "how many letters (case numbers are unique up to 9,999,999)")
      ->required()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{9'999'999}));
  app.add_option("--out", options.out, "output folder (letters/, truth.jsonl, manifest.json)")->required();
  app.add_option("--seed", options.seed, "random seed; the same seed gives the same corpus");
  app.add_option("--pdf", options.pdfs, "also write the first K letters as PDFs");
  app.add_option("--markdown", options.markdowns, "also write the first K letters as markdown (.md)");
  app.add_option("--threads", options.threads, "writer threads")->check(CLI::Range(1u, 64u));
  CLI11_PARSE(app, argc, argv);
  try {
    imr::generator::write_corpus(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "imr-generate: %s\n", e.what());
    return 1;
  }
  return 0;
}
