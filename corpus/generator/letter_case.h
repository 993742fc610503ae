// One sampled case: the facts a letter states and the choices of how it
// states them. The layouts render it; truth.h turns it into the true record.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "calendar_date.h"

namespace imr::generator {

enum class Layout { notice_2013, case_number, credentials_2016, maximus_inc, professional_review };

// The parser's name of the layout (the record's "layout").
std::string_view layout_name(Layout layout);

// What a treatment is, as the templates that worded it say (never read back
// from the wording): the contract's category and class ids, generic names.
struct TreatmentFacts {
  std::string category;            // "medication", "imaging", ...
  std::string drug_class;          // medications only
  std::vector<std::string> drugs;  // the product's ingredients
};

struct CaseItem {
  std::string treatment;  // as the item heading prints it
  std::string subject;    // how prose names it ("Norco", "physical therapy")
  std::string kind;       // drug class or category: picks guidelines and rationale
  TreatmentFacts facts;
  bool upheld = true;
  std::string claims_citation;                   // after "Claims Administrator guideline:"
  std::string reviewer_citation;                 // after "MAXIMUS guideline:"
  std::vector<std::string> claims_guidelines;    // ids of what claims_citation cites
  std::vector<std::string> reviewer_guidelines;  // ids of what reviewer_citation cites
  std::string rationale;
};

struct LetterCase {
  std::uint64_t number = 0;
  Layout layout = Layout::case_number;
  std::string case_number;  // "CM14-0039927"
  Date assigned, injury, decision, ur_denial, received;
  bool expedited = false;
  int age = 0;
  std::string sex;                          // "female" | "male"
  std::vector<std::string> certifications;  // as printed
  std::vector<std::string> specialties;     // the same, canonical names of specialties.tsv
  std::vector<std::string> license_states;  // state names as printed
  std::vector<std::string> license_codes;   // the same, USPS codes
  std::vector<std::string> diagnoses;       // as printed
  std::vector<CaseItem> items;

  // How the letter shows its facts.
  bool header_table = false;   // prints the dates, priority and case number
  bool ur_in_summary = false;  // the summary dates the utilization review
  DateStyle prose_dates = DateStyle::padded_long;
};

}  // namespace imr::generator
