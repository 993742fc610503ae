// Which treatment an item disputes, printed the way item headings print it:
// medications in their real mix of classes, brands and generics, doses and
// quantities, then the other categories in realistic proportions.
#pragma once

#include <string>
#include <vector>

#include "letter_case.h"
#include "random.h"
#include "template_book.h"

namespace imr::generator {

struct SampledTreatment {
  std::string treatment;  // as printed in the heading
  std::string subject;    // how the rationale names it
  std::string kind;       // drug class ("opioid") or category ("imaging"); keys the guidelines and rationale
  bool medication = false;
  TreatmentFacts facts;  // from the facts of the template line chosen
};

class TreatmentSampler {
 public:
  explicit TreatmentSampler(const TemplateBook& book);
  SampledTreatment sample(Random& random) const;

 private:
  SampledTreatment medication(Random& random) const;
  SampledTreatment procedure(Random& random) const;
  // The section of the kind's wordings: now and then its ".unlisted" one.
  std::string section(const std::string& base, Random& random) const;

  const TemplateBook& book_;
  std::vector<std::string> applied_forms_;  // "cream", "patch": words of schema/data/drug_forms.tsv
};

}  // namespace imr::generator
