// Lists from the vocabulary files that the Vocabulary class does not expose
// because only the corpus generator needs them: the printed wordings behind
// a category, a specialty or a state. Read from the same data files, so the
// generator prints what the parser's vocabulary knows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imr::schema {

// The wordings of treatments.tsv listed under a category ("physical_therapy"
// -> "physical therapy", "PT", ...), in file order; empty for an unknown one.
std::vector<std::string> treatment_wordings(std::string_view category);

// A specialty as specialties.tsv writes it: the canonical name first, then
// its other wordings; empty for an unknown specialty.
std::vector<std::string> specialty_wordings(std::string_view canonical);

// Every state name of states.tsv ("California"), in file order.
std::vector<std::string> state_names();

// The dosage-form words of drug_forms.tsv for things applied to the skin
// ("cream", "patch", ...), lower case.
std::vector<std::string> applied_form_words();

}  // namespace imr::schema
