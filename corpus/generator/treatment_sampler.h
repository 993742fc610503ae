// Which treatment an item disputes, printed the way item headings print it:
// medications in their real mix of classes, brands and generics, doses and
// quantities, then the other categories in realistic proportions.
#pragma once

#include <string>
#include <vector>

#include "random.h"
#include "template_book.h"

namespace imr::generator {

struct SampledTreatment {
  std::string treatment;  // as printed in the heading
  std::string subject;    // how the rationale names it
  std::string kind;       // drug class ("opioid") or category ("imaging"); keys the guidelines and rationale
  bool medication = false;
};

class TreatmentSampler {
 public:
  explicit TreatmentSampler(const TemplateBook& book);
  SampledTreatment sample(Random& random) const;

 private:
  SampledTreatment medication(Random& random) const;
  SampledTreatment procedure(Random& random) const;

  const TemplateBook& book_;
  std::vector<std::string> applied_forms_;  // "cream", "patch": words of schema/data/drug_forms.tsv
};

}  // namespace imr::generator
