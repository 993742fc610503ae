// One clean letter (tests/data/letters/maximus-inc/lumbar_mri.txt: every
// field read, no self-check fires) and, per self-check kind, a copy of it
// with exactly that fault, for the unit and integration tests of the checks.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace imr::test {

struct FaultyLetter {
  std::string kind;  // the one self-check the letter must carry
  std::string file;  // a name to write it under
  std::string text;
};

inline std::string clean_letter() {
  std::ifstream in(std::filesystem::path(IMR_SOURCE_DIR) / "tests/data/letters/maximus-inc/lumbar_mri.txt");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The clean letter with from replaced by to; from must be in it, so an edit
// of the clean letter breaks this loudly rather than leaving a variant clean.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "the clean letter no longer says: " << from);
  return text.replace(at, from.size(), to);
}

inline std::string clean_letter_with(std::string_view from, std::string_view to) {
  return replaced(clean_letter(), from, to);
}

// The summary as the letter prints it, and the reviewer's credentials.
inline constexpr std::string_view kSummaryRequest = "Utilization review from 05/28/2015 denied the request.";
inline constexpr std::string_view kCredentials =
    "reviewer is Board Certified in Orthopaedic Surgery and is licensed to practice in California.";

inline constexpr std::string_view kCaseNumber = "CM15-0112233";

// Each variant under its own case number (the index's key), so none replaces another.
inline std::vector<FaultyLetter> with_own_case_numbers(std::vector<FaultyLetter> letters) {
  for (std::size_t i = 0; i < letters.size(); ++i) {
    std::string& text = letters[i].text;
    if (const auto at = text.find(kCaseNumber); at != std::string::npos)
      text.replace(at, kCaseNumber.size(), "CM15-09900" + std::to_string(10 + i));
  }
  return letters;
}

inline std::vector<FaultyLetter> faulty_letters() {
  const std::string clean = clean_letter();
  const auto without_decisions = clean.substr(0, clean.find("IMR DECISION(S) AND RATIONALE(S)"));
  return with_own_case_numbers({
      {"item-count-mismatch", "three_requests_two_items.txt",
       clean_letter_with(kSummaryRequest,
                         "Utilization review from 05/28/2015 denied the requests for (a) an MRI of the lumbar "
                         "spine (b) cyclobenzaprine (c) physical therapy.")},
      {"item-without-decision", "heading_without_decision.txt",
       // Neither the heading nor the rationale's last sentence decides it.
       replaced(clean_letter_with("Cyclobenzaprine 7.5mg #60: Upheld", "Cyclobenzaprine 7.5mg #60"),
                "short courses only. The request is not\nmedically necessary.", "short courses only.")},
      {"item-without-category", "unplaced_treatment.txt",
       clean_letter_with("MRI of the lumbar spine without contrast: Overturned", "Zorblax: Overturned")},
      {"no-items", "no_items.txt", without_decisions},
      {"no-reviewer", "no_reviewer.txt", clean_letter_with(kCredentials, "reviewer has the needed qualifications.")},
      {"reviewer-incomplete", "unknown_licence_state.txt",
       clean_letter_with("licensed to practice in California", "licensed to practice in Atlantis")},
      {"no-decision-date", "no_decision_date.txt", clean_letter_with("Decision Date: 06/30/2015\n", "")},
      {"no-case-number", "no_case_number.txt", clean_letter_with("Case Number: CM15-0112233\n", "")},
  });
}

}  // namespace imr::test
