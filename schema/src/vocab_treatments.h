// Treatment categories: wordings of treatments, each with the contract's
// category, in priority order (treatments.tsv). A treatment takes the
// category of its highest-priority wording, wherever it stands in the text.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "phrase_matcher.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {

class TreatmentTable {
 public:
  explicit TreatmentTable(const DataReader& data);
  // A treatment naming a drug ranks as the first "medication" row of the file.
  std::string category_of(std::span<const Token> treatment, bool has_drugs) const;

 private:
  std::vector<std::string> categories_;  // by rank: the category of row i
  std::size_t medication_rank_ = 0;
  PhraseMatcher wordings_;  // id: rank
};

}  // namespace imr::schema::vocab
