// The corpus generator as a program: determinism, output format, and the
// proportions of a generated corpus.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imr/schema/record.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using imr::schema::Record;

void generate(const fs::path& out, int letters, int seed, int threads = 2) {
  const std::string cmd = std::string(IMR_BUILD_DIR) + "/imr-generate --letters " + std::to_string(letters) +
                          " --out '" + out.string() + "' --seed " + std::to_string(seed) + " --threads " +
                          std::to_string(threads);
  REQUIRE(std::system(cmd.c_str()) == 0);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Record> truth_of(const fs::path& dir) {
  std::vector<Record> out;
  std::ifstream in(dir / "truth.jsonl");
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line).get<Record>());
  return out;
}

}  // namespace

TEST_CASE("generator: the same seed gives the same bytes, another seed other letters") {
  imr::testing::TempDir tmp;
  generate(tmp / "a", 50, 3, 2);
  generate(tmp / "b", 50, 3, 1);
  generate(tmp / "c", 50, 4, 2);
  CHECK(slurp(tmp / "a" / "truth.jsonl") == slurp(tmp / "b" / "truth.jsonl"));
  CHECK(slurp(tmp / "a" / "letters/0000/00000042.txt") == slurp(tmp / "b" / "letters/0000/00000042.txt"));
  CHECK(slurp(tmp / "a" / "letters/0000/00000042.txt") != slurp(tmp / "c" / "letters/0000/00000042.txt"));
}

TEST_CASE("generator: output format, truth in letter order, manifest") {
  imr::testing::TempDir tmp;
  generate(tmp.path(), 1203, 11);
  const auto truth = truth_of(tmp.path());
  REQUIRE(truth.size() == 1203);
  CHECK(truth[42].source == "letters/0000/00000042.txt");
  CHECK(truth[1202].source == "letters/0001/00001202.txt");
  std::uintmax_t bytes = 0;
  for (const Record& r : truth) {
    const auto size = fs::file_size(tmp / r.source);
    bytes += size;
    CHECK(size >= 2000);
    CHECK(size <= 12 * 1024);
    CHECK(!r.items.empty());
    CHECK(r.outcome == imr::schema::outcome_of(r.items));
  }
  const auto manifest = nlohmann::json::parse(slurp(tmp / "manifest.json"));
  CHECK(manifest["letters"] == 1203);
  CHECK(manifest["seed"] == 11);
  CHECK(manifest["bytes"] == bytes);
}

TEST_CASE("generator: proportions over 5,000 letters") {
  imr::testing::TempDir tmp;
  generate(tmp.path(), 5000, 5);
  const auto truth = truth_of(tmp.path());
  REQUIRE(truth.size() == 5000);
  std::map<std::size_t, double> per_count;
  std::map<std::string, double> layouts;
  double items = 0, upheld = 0, medications = 0;
  for (const Record& r : truth) {
    per_count[r.items.size()] += 1.0 / 5000;
    layouts[r.layout] += 1.0 / 5000;
    for (const auto& item : r.items) {
      items += 1;
      upheld += item.decision == "upheld";
      medications += item.category == "medication";
    }
  }
  // Shares of 5,000 letters: absolute tolerances of about three standard
  // errors (doctest's Approx().epsilon() is relative and scaled, far looser).
  MESSAGE("1 item ", per_count[1], ", 2 items ", per_count[2], ", upheld ", upheld / items, ", case-number ",
          layouts["case-number"], ", credentials-2016 ", layouts["credentials-2016"], ", notice-2013 ",
          layouts["notice-2013"]);
  CHECK(std::abs(per_count[1] - 0.55) <= 0.03);
  CHECK(std::abs(per_count[2] - 0.25) <= 0.03);
  CHECK(per_count[5] < 0.06);
  CHECK(std::abs(upheld / items - 0.88) <= 0.02);
  CHECK(medications / items > 0.40);
  CHECK(std::abs(layouts["case-number"] - 0.35) <= 0.03);
  CHECK(std::abs(layouts["credentials-2016"] - 0.45) <= 0.03);
  CHECK(std::abs(layouts["notice-2013"] - 0.05) <= 0.015);
  // The index keys letters by case number: a repeat would silently replace a letter.
  std::set<std::string> case_numbers;
  std::size_t with_number = 0;
  for (const Record& r : truth)
    if (r.case_number) with_number += 1, case_numbers.insert(*r.case_number);
  CHECK(with_number > 3000);
  CHECK(case_numbers.size() == with_number);
}
