// Treatment categories on wordings collected from public descriptions of
// treatments (tests/data/treatment_wordings.tsv), not from the generator:
// each is read through the parser's own item reading, and every row must come
// out as the table says. On failure every wrong row is listed.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "parser/item_facts.h"
#include "test_data_table.h"

namespace {

struct Wording {
  std::string text;
  std::string category;
  std::string source;
};

std::vector<Wording> wordings() {
  std::vector<Wording> out;
  for (const auto& row : test_data_table("treatment_wordings.tsv", 3, 3))
    out.push_back({row.column(0), row.column(1), row.column(2)});
  return out;
}

// The category the parser gives an item printed with this treatment.
std::string category_of(const std::string& treatment, const imr::schema::Vocabulary& vocabulary,
                        const imr::schema::Analyzer& analyzer) {
  imr::indexer::parsing::PrintedItem printed;
  printed.treatment = treatment;
  printed.decision = "upheld";
  return imr::indexer::parsing::item_facts(printed, vocabulary, analyzer).category;
}

}  // namespace

TEST_CASE("category: every public treatment wording gets its expected category") {
  const auto vocabulary = imr::schema::Vocabulary::builtin();
  const imr::schema::Analyzer analyzer;
  const std::vector<Wording> table = wordings();
  CHECK(table.size() >= 300);
  std::string wrong;
  int wrong_rows = 0;
  std::map<std::string, int> per_category;
  for (const Wording& w : table) {
    ++per_category[w.category];
    const std::string got = category_of(w.text, *vocabulary, analyzer);
    if (got == w.category) continue;
    ++wrong_rows;
    wrong += "\n  \"" + w.text + "\": got " + got + ", expected " + w.category + " (" + w.source + ")";
  }
  CHECK_MESSAGE(wrong_rows == 0, wrong_rows << " of " << table.size() << " wordings wrong:" << wrong);
  // Drug lines of unknown products are part of the table, and so is every category the parser gives.
  CHECK(per_category["medication"] >= 40);
  CHECK(per_category.size() >= 15);
}
