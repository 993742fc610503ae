// The self-checks end to end: the real imr-index over a clean letter and one
// copy per check kind with exactly that fault prints one line per kind with
// its count, and the real imr-search's /api/health, check: filters and
// queries find exactly those letters.
#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "faulty_letters.h"
#include "temp_dir.h"
#include "test_server.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CheckedLetters {
  imr::testing::TempDir letters;
  std::vector<imr::test::FaultyLetter> faulty = imr::test::faulty_letters();
  imr::test::TestServer server{fs::temp_directory_path() / ("imr-checks-" + std::to_string(getpid())), written()};

  std::vector<fs::path> written() {
    std::ofstream(letters / "clean.txt") << imr::test::clean_letter();
    for (const imr::test::FaultyLetter& letter : faulty) std::ofstream(letters / letter.file) << letter.text;
    return {letters.path()};
  }
};

const CheckedLetters& checked() {
  static const CheckedLetters c;
  return c;
}

std::string index_log() { return imr::testing::read_text(checked().server.dir() / "index.log"); }

}  // namespace

TEST_CASE("checks: imr-index ends with one line per kind and its count") {
  REQUIRE(checked().server.index_status() == 0);
  const std::string log = index_log();
  CAPTURE(log);
  const std::string letters = std::to_string(checked().faulty.size() + 1);
  CHECK(log.find("indexed " + letters + " letters") != std::string::npos);
  for (const imr::test::FaultyLetter& letter : checked().faulty) {
    CAPTURE(letter.kind);
    CHECK(log.find("\ncheck " + letter.kind + ": 1 of " + letters + " letters - ") != std::string::npos);
  }
  std::istringstream lines(log);
  std::size_t check_lines = 0;
  for (std::string line; std::getline(lines, line);) check_lines += line.starts_with("check ");
  CHECK(check_lines == checked().faulty.size());
}

TEST_CASE("checks: health, filter and query agree on the letters of each kind") {
  const json health = checked().server.get_json("/api/health");
  CHECK(health["checks"].size() == checked().faulty.size());
  for (const imr::test::FaultyLetter& letter : checked().faulty) {
    CAPTURE(letter.kind);
    CHECK(health["checks"][letter.kind] == 1);
    for (const std::string_view how : {"filter=check:", "q=check:"}) {
      const json res = checked().server.get_json("/api/search?" + std::string(how) + letter.kind);
      REQUIRE(res["total"] == 1);
      CHECK(res["hits"][0]["source"].get<std::string>().ends_with("/" + letter.file));
    }
  }
  const json bad = checked().server.get_json("/api/search?filter=check:nonsense", 400);
  CHECK(bad["error"].get<std::string>().find("no-decision-date") != std::string::npos);
}
