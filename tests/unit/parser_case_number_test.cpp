// Where a letter's case number comes from: its text first, else a file name
// that is one (the state names each PDF by its case number); the record says
// which, and the letter's key follows the case number.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "imr/parser/letter_parser.h"
#include "imr/schema/letter_identity.h"
#include "imr/schema/record.h"
#include "parser/header_fields.h"

namespace {

using imr::indexer::parsing::case_number_of_file;
using nlohmann::json;

constexpr std::string_view kLetterWithoutNumber =
    "Final Determination Letter for IMR Case\n\n"
    "Date Assigned: 03/02/2015\n\n"
    "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n"
    "The Expert Reviewer has the following credentials:\n\n"
    "State(s) of Licensure: California\n\n"
    "IMR ISSUES, DECISIONS AND RATIONALES\n\n"
    "MRI of the right shoulder: Upheld\n\n"
    "Decision rationale: Not medically necessary.\n";

imr::indexer::ParsedLetter parsed(std::string_view text, std::string source) {
  static const imr::indexer::LetterParser parser(imr::schema::Vocabulary::builtin());
  return parser.parse(text, std::move(source));
}

}  // namespace

TEST_CASE("case number: a file name that is one gives it in upper case") {
  CHECK(case_number_of_file("CM15-0123456.pdf") == "CM15-0123456");
  CHECK(case_number_of_file("letters/2015/cm15-0123456.txt") == "CM15-0123456");
  CHECK(case_number_of_file("/abs/path/Cm16-0234567.md") == "CM16-0234567");
}

TEST_CASE("case number: other file names give none") {
  CHECK_FALSE(case_number_of_file("letter_0001.txt"));
  CHECK_FALSE(case_number_of_file("CM15-0123456 copy.pdf"));
  CHECK_FALSE(case_number_of_file("IMR_CM15-0123456.pdf"));
  CHECK_FALSE(case_number_of_file("CM15-012.pdf"));
  CHECK_FALSE(case_number_of_file("CM15-0123456/letter.pdf"));
  CHECK_FALSE(case_number_of_file(""));
}

TEST_CASE("case number: taken from the file name when the text has none and keyed by it") {
  const auto letter = parsed(kLetterWithoutNumber, "in/CM15-0123456.pdf");
  CHECK(letter.record.case_number == "CM15-0123456");
  CHECK(letter.record.case_number_from == "file_name");
  CHECK(imr::schema::letter_key(letter.record, kLetterWithoutNumber) == "CM15-0123456");
}

TEST_CASE("case number: the text wins over the file name") {
  const std::string text = "Case Number: CM17-0999001\n\n" + std::string(kLetterWithoutNumber);
  const auto letter = parsed(text, "CM17-0345678.txt");
  CHECK(letter.record.case_number == "CM17-0999001");
  CHECK(letter.record.case_number_from == "text");
  CHECK(imr::schema::letter_key(letter.record, text) == "CM17-0999001");
}

TEST_CASE("case number: none in text or name leaves both null and keys by content") {
  const auto letter = parsed(kLetterWithoutNumber, "shoulder.txt");
  CHECK_FALSE(letter.record.case_number);
  CHECK_FALSE(letter.record.case_number_from);
  CHECK(imr::schema::letter_key(letter.record, kLetterWithoutNumber).starts_with("h"));
}

TEST_CASE("case number: a file name alone does not make a text a letter") {
  const auto letter = parsed("Minutes of the board meeting.\n", "CM15-0123456.txt");
  CHECK_FALSE(letter.is_letter);
}

TEST_CASE("record json: case_number_from round-trips and older records without it still load") {
  imr::schema::Record r;
  r.case_number = "CM15-0123456";
  r.case_number_from = "file_name";
  const json j = r;
  CHECK(j.at("case_number_from") == "file_name");
  CHECK(j.get<imr::schema::Record>() == r);

  json older = j;
  older.erase("case_number_from");
  CHECK(older.get<imr::schema::Record>().case_number_from == "text");
  older["case_number"] = nullptr;
  CHECK_FALSE(older.get<imr::schema::Record>().case_number_from);
}
