// Reads the truth records, not the letters' layout: the baselines are given
// the fields for free, so their figures are a lower bound of what parsing would cost.
#include "common/corpus.h"

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace imr::bench {
namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the letter " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

std::uint64_t for_each_letter(const std::filesystem::path& dir, const LetterVisitor& visit) {
  const auto truth = dir / "truth.jsonl";
  std::ifstream in(truth);
  if (!in) throw std::runtime_error("cannot read " + truth.string() + "; generate the corpus first");
  std::uint64_t count = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto record = nlohmann::json::parse(line).get<schema::Record>();
    visit(record, read_file(dir / record.source));
    ++count;
  }
  return count;
}

}  // namespace imr::bench
