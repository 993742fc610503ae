// The parser on the five real letters in corpus/seeds, read through the
// reader: every field against the answers known from reading them.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "imr/parser/letter_parser.h"
#include "imr/reader/letter_reader.h"
#include "test_reader_data.h"

namespace {

using imr::indexer::LetterParser;
using imr::indexer::ParsedLetter;
using Strings = std::vector<std::string>;

ParsedLetter parse_seed(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(IMR_SOURCE_DIR) / "corpus" / "seeds" / name;
  static const LetterParser parser(imr::schema::Vocabulary::builtin());
  return parser.parse(imr::indexer::read_letter(path, test_reader_data()).text, name);
}

void check_dates(const imr::schema::Dates& d, std::optional<std::string> injury, std::optional<std::string> ur_denial) {
  CHECK(d.injury == injury);
  CHECK(d.ur_denial == ur_denial);
}

}  // namespace

TEST_CASE("parser: seed 000, one carisoprodol item, no header table") {
  const ParsedLetter p = parse_seed("000_f8c318a2e4561815.txt");
  const auto& r = p.record;
  CHECK(p.is_letter);
  CHECK(r.layout == "case-number");
  CHECK_FALSE(r.case_number);
  check_dates(r.dates, "2004-05-23", std::nullopt);
  CHECK_FALSE(r.dates.assigned);
  CHECK_FALSE(r.dates.decision);
  CHECK_FALSE(r.dates.application_received);
  CHECK_FALSE(r.priority);
  CHECK(r.reviewer.specialty == "Physical Medicine and Rehabilitation");
  CHECK_FALSE(r.reviewer.subspecialty);
  CHECK(r.reviewer.license_states == Strings{"TX"});
  CHECK(r.patient.age == 60);
  CHECK(r.patient.sex == "male");
  CHECK(r.diagnoses == Strings{"other and unspecified complications of medical care"});
  CHECK(r.outcome == "upheld");
  REQUIRE(r.items.size() == 1);
  const auto& item = r.items[0];
  CHECK(item.treatment == "CARISOPRODOL 350MG #30 QTY: 30.00");
  CHECK(item.drugs == Strings{"carisoprodol"});
  CHECK(item.category == "medication");
  CHECK(item.drug_class == "muscle_relaxant");
  CHECK(item.decision == "upheld");
  CHECK(item.guidelines == Strings{"mtus-chronic-pain"});
  CHECK(item.claims_guidelines == Strings{"mtus-chronic-pain"});
  CHECK(item.rationale.starts_with("According to the California MTUS Guidelines, carisoprodol is not indicated"));
  CHECK(item.rationale.ends_with("is non-certified."));
}

TEST_CASE("parser: seed 001, three items, partially overturned") {
  const ParsedLetter p = parse_seed("001_562eafed43e403d6.txt");
  const auto& r = p.record;
  CHECK(p.is_letter);
  CHECK_FALSE(r.case_number);
  check_dates(r.dates, "2001-01-31", "2014-11-10");
  CHECK(r.reviewer.specialty == "Physical Medicine and Rehabilitation");
  CHECK(r.reviewer.subspecialty == "Interventional Spine");
  CHECK(r.reviewer.license_states == Strings{"CA"});
  CHECK(r.patient.age == 62);
  CHECK(r.patient.sex == "female");
  CHECK(r.diagnoses == Strings{"Low back pain", "Lumbar radiculopathy", "Lumbar facetal pain"});
  CHECK(r.outcome == "partially_overturned");
  REQUIRE(r.items.size() == 3);
  CHECK(r.items[0].treatment == "Carisoprodol 350mg QTY: 30.00");
  CHECK(r.items[0].decision == "upheld");
  CHECK(r.items[0].drugs == Strings{"carisoprodol"});
  CHECK(r.items[0].drug_class == "muscle_relaxant");
  CHECK(r.items[1].treatment == "Physical therapy sessions to the lumbar QTY: 6.00");
  CHECK(r.items[1].decision == "overturned");
  CHECK(r.items[1].category == "physical_therapy");
  CHECK(r.items[1].drugs.empty());
  CHECK_FALSE(r.items[1].drug_class);
  CHECK(r.items[2].treatment == "Norco 10/325mg QTY: 90.00");
  CHECK(r.items[2].decision == "upheld");
  CHECK(r.items[2].drugs == Strings{"hydrocodone", "acetaminophen"});
  CHECK(r.items[2].drug_class == "opioid");
  for (const auto& item : r.items) {
    CHECK(item.guidelines == Strings{"mtus-chronic-pain"});
    CHECK(item.claims_guidelines == Strings{"mtus-chronic-pain"});
    CHECK(item.rationale.starts_with("The patient complains of persistent"));
  }
  CHECK(r.items[1].rationale.ends_with("Hence, this request IS medically necessary."));
}

TEST_CASE("parser: seed 002, claims administrator cited nothing") {
  const ParsedLetter p = parse_seed("002_43057c83af9564f8.txt");
  const auto& r = p.record;
  check_dates(r.dates, "2004-05-23", "2014-04-30");
  CHECK(r.reviewer.specialty == "Anesthesiology");
  CHECK(r.reviewer.subspecialty == "Pain Management");
  CHECK(r.reviewer.certifications == Strings{"Anesthesiology", "Pain Management"});
  CHECK(r.reviewer.license_states == Strings{"TN"});
  CHECK(r.patient.age == 66);
  CHECK(r.patient.sex == "female");
  CHECK(r.diagnoses == Strings{"lumbar strain", "lumbar radiculopathy"});
  CHECK(r.outcome == "upheld");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].treatment == "Carisoprodol (Soma) 350 mg #60");
  CHECK(r.items[0].drugs == Strings{"carisoprodol"});
  CHECK(r.items[0].drug_class == "muscle_relaxant");
  CHECK(r.items[1].treatment == "Ketamine 5% Cream 60 Gm #1");
  CHECK(r.items[1].drugs == Strings{"ketamine"});
  CHECK(r.items[1].drug_class == "topical");
  for (const auto& item : r.items) {
    CHECK(item.category == "medication");
    CHECK(item.decision == "upheld");
    CHECK(item.guidelines == Strings{"mtus-chronic-pain"});
    CHECK(item.claims_guidelines.empty());
  }
  CHECK(r.items[1].rationale.ends_with("for Ketamine 5% Cream #1 is not medically necessary."));
}

TEST_CASE("parser: seed 003, header table in markdown") {
  const ParsedLetter p = parse_seed("003_c3fa0747db3e52bf.txt");
  const auto& r = p.record;
  CHECK(r.case_number == "CM14-0039927");
  CHECK(r.dates.assigned == "2014-06-27");
  CHECK(r.dates.injury == "2004-05-17");
  CHECK(r.dates.decision == "2014-07-29");
  CHECK(r.dates.ur_denial == "2014-03-04");
  CHECK(r.dates.application_received == "2014-04-04");
  CHECK(r.priority == "standard");
  CHECK(r.reviewer.specialty == "Internal Medicine");
  CHECK_FALSE(r.reviewer.subspecialty);
  CHECK(r.reviewer.license_states == Strings{"CA"});
  CHECK(r.patient.age == 39);
  CHECK(r.patient.sex == "female");
  CHECK(r.diagnoses.empty());
  CHECK(r.outcome == "upheld");
  REQUIRE(r.items.size() == 1);
  const auto& item = r.items[0];
  CHECK(item.treatment == "Carisoprodol 350mg TA #120 with 3 refills QTY:480");
  CHECK(item.drugs == Strings{"carisoprodol"});
  CHECK(item.drug_class == "muscle_relaxant");
  CHECK(item.guidelines == Strings{"mtus-chronic-pain", "odg"});
  CHECK(item.claims_guidelines == Strings{"mtus-chronic-pain"});
  CHECK(item.rationale.starts_with("Carisoprodol, or Soma is used primarily as a muscle relaxant."));
}

TEST_CASE("parser: seed 004, brand name and dates written out") {
  const ParsedLetter p = parse_seed("004_ed7318db5454d5ef.txt");
  const auto& r = p.record;
  check_dates(r.dates, "2007-10-10", "2014-04-24");
  CHECK(r.reviewer.specialty == "Occupational Medicine");
  CHECK(r.reviewer.license_states == Strings{"CA"});
  CHECK(r.patient.age == 53);
  CHECK(r.patient.sex == "female");
  CHECK(r.diagnoses == Strings{"cervical radiculopathy status post cervical fusion at C3-C5"});
  CHECK(r.outcome == "upheld");
  REQUIRE(r.items.size() == 2);
  CHECK(r.items[0].treatment == "Soma tablets 350mg");
  CHECK(r.items[0].drugs == Strings{"carisoprodol"});
  CHECK(r.items[0].drug_class == "muscle_relaxant");
  CHECK(r.items[1].treatment == "Alprazolam 1mg");
  CHECK(r.items[1].drugs == Strings{"alprazolam"});
  CHECK(r.items[1].drug_class == "benzodiazepine");
  for (const auto& item : r.items) {
    CHECK(item.decision == "upheld");
    CHECK(item.guidelines == Strings{"mtus-chronic-pain"});
    CHECK(item.claims_guidelines == Strings{"mtus-chronic-pain"});
  }
}
