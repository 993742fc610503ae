// Which treatment an item disputes, printed the way item headings print it:
// medications in their real mix of classes, brands and generics, doses and
// quantities, then the other categories in realistic proportions.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "random.h"
#include "template_book.h"

namespace imr::generator {

struct SampledTreatment {
  std::string treatment;  // as printed in the heading
  std::string subject;    // how the rationale names it
  std::string kind;       // drug class ("opioid") or category ("imaging"); keys the guidelines and rationale
};

class TreatmentSampler {
 public:
  // Reads the category wordings of schema/data/treatments.tsv once.
  explicit TreatmentSampler(const TemplateBook& book);
  SampledTreatment sample(Random& random) const;

 private:
  SampledTreatment medication(Random& random) const;
  SampledTreatment procedure(Random& random) const;

  const TemplateBook& book_;
  std::map<std::string, std::vector<std::string>, std::less<>> wordings_;
};

}  // namespace imr::generator
