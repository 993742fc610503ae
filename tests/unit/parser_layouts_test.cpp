// The parser on letters written in each layout (tests/data/letters/<layout>/),
// read through the reader; each record must equal NAME.expected.json field by field.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "imr/parser/letter_parser.h"
#include "imr/reader/letter_reader.h"
#include "test_reader_data.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::array<std::string_view, 4> kLayouts{"credentials-2016", "maximus-inc", "medical-professional-review",
                                                   "notice-2013"};
// Every folder, so that one left empty by mistake fails.
constexpr std::array<std::string_view, 19> kFolders{"credentials-2016",
                                                    "maximus-inc",
                                                    "medical-professional-review",
                                                    "notice-2013",
                                                    "filename-case-number",
                                                    "pdf-two-line-labels",
                                                    "one-paragraph-per-line",
                                                    "non-physician-reviewers",
                                                    "treatment-wording",
                                                    "compound-drugs",
                                                    "item-shapes",
                                                    "summary-phrasing",
                                                    "pdf-text",
                                                    "reviewer-nouns",
                                                    "dosing-lines",
                                                    "date-formats",
                                                    "unseen-2026-12",
                                                    "unseen-2026-12c",
                                                    "unseen-2026-12d"};
// At least this many letters in every folder.
constexpr int kLettersPerFolder = 2;

const fs::path& letters_dir() {
  static const fs::path dir = fs::path(IMR_SOURCE_DIR) / "tests" / "data" / "letters";
  return dir;
}

json expected_record(const fs::path& letter) {
  fs::path path = letter;
  path.replace_extension(".expected.json");
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "missing " << path.string());
  return json::parse(in);
}

void check_same(const json& actual, const json& expected, const std::string& where) {
  if (expected.is_object() && actual.is_object()) {
    // Named copies, not structured bindings: clang 14 cannot capture those in doctest's macros.
    for (const auto& entry : expected.items()) {
      const std::string key = entry.key();
      CHECK_MESSAGE(actual.contains(key), where << "." << key << " is missing");
      if (actual.contains(key)) check_same(actual[key], entry.value(), where + "." + key);
    }
    for (const auto& entry : actual.items()) {
      const std::string key = entry.key();
      CHECK_MESSAGE(expected.contains(key), where << "." << key << " is not expected");
    }
    return;
  }
  if (expected.is_array() && actual.is_array() && expected.size() == actual.size() && !expected.empty() &&
      expected[0].is_object()) {
    for (std::size_t i = 0; i < expected.size(); ++i)
      check_same(actual[i], expected[i], where + "[" + std::to_string(i) + "]");
    return;
  }
  CHECK_MESSAGE(actual == expected, where << ": got " << actual.dump() << ", expected " << expected.dump());
}

}  // namespace

TEST_CASE("parser: letters of every layout give their expected records") {
  const imr::indexer::LetterParser parser(imr::schema::Vocabulary::builtin());
  std::map<std::string, int> per_folder;
  for (const auto& entry : fs::recursive_directory_iterator(letters_dir())) {
    const fs::path extension = entry.path().extension();
    if (extension != ".txt" && extension != ".md") continue;
    const std::string folder = entry.path().parent_path().filename().string();
    const std::string source = fs::relative(entry.path(), IMR_SOURCE_DIR).generic_string();
    CAPTURE(source);
    const auto parsed = parser.parse(imr::indexer::read_letter(entry.path(), test_reader_data()).text, source);
    CHECK(parsed.is_letter);
    // Other folders gather letters of one difficulty across layouts; their expected records name the layout.
    if (std::ranges::find(kLayouts, folder) != kLayouts.end()) CHECK(parsed.record.layout == folder);
    const json expected = expected_record(entry.path());
    json actual = parsed.record;
    // The self-checks are the parser's view of its own reading, not a fact of
    // the letter: held only where an expected record states them.
    if (!expected.contains("checks")) actual.erase("checks");
    check_same(actual, expected, source);
    ++per_folder[folder];
  }
  for (const std::string_view folder : kFolders) {
    CAPTURE(folder);
    CHECK(per_folder[std::string(folder)] >= kLettersPerFolder);
  }
}
