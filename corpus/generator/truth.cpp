// true_record: the letter case's choices, in the record's fields.
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

schema::Item true_item(const CaseItem& c) {
  schema::Item item;
  item.treatment = single_spaced(c.treatment);
  item.drugs = c.facts.drugs;
  item.category = c.facts.category;
  if (!c.facts.drug_class.empty()) item.drug_class = c.facts.drug_class;
  item.decision = c.upheld ? "upheld" : "overturned";
  item.guidelines = c.reviewer_guidelines;
  item.claims_guidelines = c.claims_guidelines;
  item.rationale = single_spaced(c.rationale);
  return item;
}

}  // namespace

schema::Record true_record(const LetterCase& c, std::string source) {
  schema::Record r;
  r.source = std::move(source);
  r.layout = std::string(layout_name(c.layout));
  if (c.header_table) {
    r.case_number = c.case_number;
    r.case_number_from = "text";  // the generator never names a file by its case number
    r.dates = {iso(c.assigned), iso(c.injury), iso(c.decision), iso(c.ur_denial), iso(c.received)};
    r.priority = c.expedited ? "expedited" : "standard";
  } else {
    r.dates.injury = iso(c.injury);
    if (c.ur_in_summary) r.dates.ur_denial = iso(c.ur_denial);
  }
  r.reviewer.certifications = c.specialties;
  if (!c.specialties.empty()) r.reviewer.specialty = c.specialties[0];
  if (c.specialties.size() > 1) r.reviewer.subspecialty = c.specialties[1];
  r.reviewer.license_states = c.license_codes;
  r.patient = {c.age, c.sex};
  r.diagnoses = c.diagnoses;
  for (const CaseItem& i : c.items) r.items.push_back(true_item(i));
  r.outcome = schema::outcome_of(r.items);
  return r;
}

}  // namespace imr::generator
