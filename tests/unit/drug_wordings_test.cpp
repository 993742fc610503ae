// Drugs and drug classes on drug lines collected from public drug names
// (tests/data/drug_wordings.tsv), not from the generator: each line is read
// through the parser's own item reading, and every row must come out as the
// table says. On failure every wrong row is listed.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/text.h"
#include "imr/schema/vocabulary.h"
#include "parser/item_facts.h"
#include "test_data_table.h"

namespace {

std::vector<imr::schema::TsvRow> drug_wordings() { return test_data_table("drug_wordings.tsv", 3, 3); }

// "a, b" -> "a,b", as the record's list is printed here; a generic's own words
// keep their spaces ("calcium carbonate").
std::string generics_listed(std::string_view list) {
  std::vector<std::string_view> generics;
  for (std::size_t comma = list.find(','); comma != std::string_view::npos; comma = list.find(',')) {
    generics.push_back(imr::text::trim(list.substr(0, comma)));
    list.remove_prefix(comma + 1);
  }
  generics.push_back(imr::text::trim(list));
  return imr::text::join(generics, ",");
}

}  // namespace

TEST_CASE("drugs: every public drug line gives its generics and drug class") {
  const auto vocabulary = imr::schema::Vocabulary::builtin();
  const imr::schema::Analyzer analyzer;
  const auto rows = drug_wordings();
  CHECK(rows.size() >= 300);
  std::string wrong;
  int wrong_rows = 0;
  for (const auto& row : rows) {
    imr::indexer::parsing::PrintedItem printed;
    printed.treatment = row.column(0);
    printed.decision = "upheld";
    const auto item = imr::indexer::parsing::item_facts(printed, *vocabulary, analyzer);
    const std::string got =
        imr::text::join(item.drugs, ",") + " " + item.drug_class.value_or("-") + " " + item.category;
    const std::string expected = generics_listed(row.column(1)) + " " + row.column(2) + " medication";
    if (got == expected) continue;
    ++wrong_rows;
    wrong += "\n  \"" + row.column(0) + "\": got " + got + ", expected " + expected;
  }
  CHECK_MESSAGE(wrong_rows == 0, wrong_rows << " of " << rows.size() << " drug lines wrong:" << wrong);
}
