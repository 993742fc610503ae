// Drugs and drug classes on drug lines collected from public drug names
// (tests/data/drug_wordings.tsv), not from the generator: each line is read
// through the parser's own item reading, and every row must come out as the
// table says. On failure every wrong row is listed.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "parser/item_facts.h"
#include "test_data_table.h"

namespace {

std::vector<imr::schema::TsvRow> drug_wordings() { return test_data_table("drug_wordings.tsv", 3, 3); }

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ",") + name;
  return out;
}

}  // namespace

TEST_CASE("drugs: every public drug line gives its generics and drug class") {
  const auto vocabulary = imr::schema::Vocabulary::builtin();
  const imr::schema::Analyzer analyzer;
  const auto rows = drug_wordings();
  CHECK(rows.size() >= 60);
  std::string wrong;
  int wrong_rows = 0;
  for (const auto& row : rows) {
    imr::indexer::parsing::PrintedItem printed;
    printed.treatment = row.column(0);
    printed.decision = "upheld";
    const auto item = imr::indexer::parsing::item_facts(printed, *vocabulary, analyzer);
    std::string expected_generics = row.column(1);
    expected_generics.erase(std::remove(expected_generics.begin(), expected_generics.end(), ' '),
                            expected_generics.end());
    const std::string got = joined(item.drugs) + " " + item.drug_class.value_or("-") + " " + item.category;
    const std::string expected = expected_generics + " " + row.column(2) + " medication";
    if (got == expected) continue;
    ++wrong_rows;
    wrong += "\n  \"" + row.column(0) + "\": got " + got + ", expected " + expected;
  }
  CHECK_MESSAGE(wrong_rows == 0, wrong_rows << " of " << rows.size() << " drug lines wrong:" << wrong);
}
