// Every ABMS specialty and subspecialty, and the licences of reviewers who
// are not physicians (tests/data/specialty_wordings.tsv), read from the ways
// letters state a reviewer's credentials, through the parser's own reading of
// them: its canonical name, and the state of licensure beside it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "parser/reviewer_facts.h"
#include "test_data_table.h"
#include "test_reader_data.h"

namespace {

std::vector<imr::schema::TsvRow> specialty_wordings() { return test_data_table("specialty_wordings.tsv", 2, 2); }

// The ways letters state one credential, each with the state it names.
std::vector<std::string> sentences(const std::string& credential) {
  return {"The expert reviewer is Board Certified in " + credential + " and is licensed to practice in Oregon.",
          "The expert reviewer is Licensed in " + credential + " and is licensed to practice in Oregon.",
          "The professional reviewer is Board Certified in Internal Medicine, has a subspecialty in " + credential +
              " and is licensed to practice in\nOregon.",
          "The Expert Reviewer has the following credentials:\n\nState(s) of Licensure: Oregon\n\n"
          "Certification(s)/Specialty: " +
              credential};
}

}  // namespace

TEST_CASE("specialty: every ABMS specialty and reviewer licence is read as its canonical name") {
  const auto vocabulary = imr::schema::Vocabulary::builtin();
  const imr::schema::Analyzer analyzer;
  const auto rows = specialty_wordings();
  CHECK(rows.size() >= 130);
  std::string wrong;
  for (const auto& row : rows) {
    for (const std::string& text : sentences(row.column(0))) {
      const auto facts = imr::indexer::parsing::reviewer_facts(text, test_labels(), *vocabulary, analyzer);
      const auto& certs = facts.reviewer.certifications;
      const bool right = !certs.empty() && certs.back() == row.column(1) &&
                         facts.reviewer.license_states == std::vector<std::string>{"OR"};
      if (!right)
        wrong += "\n  \"" + text + "\": got [" + (certs.empty() ? std::string() : certs.back()) + "], expected " +
                 row.column(1);
    }
  }
  CHECK_MESSAGE(wrong.empty(), "wrong:" << wrong);
}
