// A generated corpus on disk: DIR/letters/NNNN/NNNNNNNN.txt (and .pdf and .md
// for the first few), DIR/truth.jsonl in letter order, DIR/manifest.json.
#pragma once

#include <cstdint>
#include <filesystem>

namespace imr::generator {

struct CorpusOptions {
  std::uint64_t letters = 0;
  std::uint64_t seed = 1;
  std::uint64_t pdfs = 0;       // the first this many letters also as PDFs
  std::uint64_t markdowns = 0;  // the first this many letters also as markdown
  unsigned threads = 2;
  std::filesystem::path out;
};

inline constexpr const char* kGeneratorVersion = "1";

// Letters are split among threads in contiguous ranges; every letter draws
// from its own random stream, so the bytes do not depend on the threads.
// Throws std::runtime_error when a file cannot be written.
void write_corpus(const CorpusOptions& options);

}  // namespace imr::generator
