// TruthMaker: letter case -> record, through the vocabulary.
#include "truth.h"

namespace imr::generator {
namespace {

// Wrapping and spacing are the page's, not the text's: "a  b\n c" -> "a b c".
std::string single_spaced(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

schema::Record TruthMaker::record(const LetterCase& c, std::string source) const {
  schema::Record r;
  r.source = std::move(source);
  r.layout = std::string(layout_name(c.layout));
  if (c.header_table) {
    r.case_number = c.case_number;
    r.dates = {iso(c.assigned), iso(c.injury), iso(c.decision), iso(c.ur_denial), iso(c.received)};
    r.priority = c.expedited ? "expedited" : "standard";
  } else {
    r.dates.injury = iso(c.injury);
    if (c.ur_in_summary) r.dates.ur_denial = iso(c.ur_denial);
  }
  for (const std::string& printed : c.certifications)
    r.reviewer.certifications.push_back(vocabulary_.specialty(analyzer_.tokens(printed)).value_or(printed));
  if (!r.reviewer.certifications.empty()) r.reviewer.specialty = r.reviewer.certifications[0];
  if (r.reviewer.certifications.size() > 1) r.reviewer.subspecialty = r.reviewer.certifications[1];
  for (const std::string& state : c.license_states)
    r.reviewer.license_states.push_back(vocabulary_.state_code(state).value_or(state));
  r.patient = {c.age, c.sex};
  r.diagnoses = c.diagnoses;
  for (const CaseItem& i : c.items) r.items.push_back(item(i));
  r.outcome = schema::outcome_of(r.items);
  return r;
}

schema::Item TruthMaker::item(const CaseItem& c) const {
  schema::Item item;
  item.treatment = single_spaced(c.treatment);
  const auto tokens = analyzer_.tokens(item.treatment);
  item.drugs = vocabulary_.drugs_in(tokens);
  item.category = vocabulary_.category_of(tokens, !item.drugs.empty());
  if (item.category == "medication") item.drug_class = vocabulary_.item_drug_class(tokens, item.drugs);
  item.decision = c.upheld ? "upheld" : "overturned";
  item.guidelines = guidelines(c.reviewer_citation);
  item.claims_guidelines = guidelines(c.claims_citation);
  item.rationale = single_spaced(c.rationale);
  return item;
}

std::vector<std::string> TruthMaker::guidelines(const std::string& citation) const {
  // The contract: a line saying nothing was cited gives [], whatever words it shares with a guideline.
  if (citation.empty() || citation.find("did not cite") != std::string::npos) return {};
  const auto [it, added] = guidelines_of_.try_emplace(citation);
  if (added) it->second = vocabulary_.guidelines_in(analyzer_.tokens(citation));
  return it->second;
}

}  // namespace imr::generator
