// The disputed items of a case: treatment, decision, what the claims
// administrator and the expert reviewer cited, and the rationale.
#pragma once

#include <string>
#include <vector>

#include "letter_case.h"
#include "random.h"
#include "template_book.h"
#include "treatment_sampler.h"

namespace imr::generator {

class ItemSampler {
 public:
  explicit ItemSampler(const TemplateBook& book);
  // 1-5 items, mostly one or two, about 88% upheld; distinct treatments.
  std::vector<CaseItem> sample(const LetterCase& letter, Random& random) const;

 private:
  CaseItem item(const LetterCase& letter, Random& random) const;
  std::string rationale(const LetterCase& letter, const SampledTreatment& t, bool upheld, Random& random) const;

  const TemplateBook& book_;
  TreatmentSampler treatments_;
};

}  // namespace imr::generator
