// The generator's lists, read with the vocabulary's own TSV reader.
#include "imr/schema/vocabulary_lists.h"

#include "vocab_tsv.h"

namespace imr::schema {

std::vector<std::string> treatment_wordings(std::string_view category) {
  std::vector<std::string> out;
  for (const TsvRow& row : read_data_table("treatments.tsv", 2, 2))
    if (row.column(0) == category) out.push_back(row.column(1));
  return out;
}

std::vector<std::string> specialty_wordings(std::string_view canonical) {
  for (const TsvRow& row : read_data_table("specialties.tsv", 1, 2)) {
    if (row.column(0) != canonical) continue;
    std::vector<std::string> out{row.column(0)};
    for (std::string& wording : vocab::split_list(row.column(1))) out.push_back(std::move(wording));
    return out;
  }
  return {};
}

std::vector<std::string> state_names() {
  std::vector<std::string> out;
  for (const TsvRow& row : read_data_table("states.tsv", 2, 3)) out.push_back(row.column(1));
  return out;
}

std::vector<std::string> applied_form_words() {
  std::vector<std::string> out;
  for (const TsvRow& row : read_data_table("drug_forms.tsv", 2, 3))
    if (row.column(1) == "topical") out.push_back(row.column(0));
  return out;
}

}  // namespace imr::schema
