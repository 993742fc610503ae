// The expert reviewer's board certifications and license states, from prose
// ("is Board Certified in Anesthesiology, has a subspecialty in Pain
// Management and is licensed to practice in Tennessee") or from the 2016
// credentials block ("State(s) of Licensure: California,North Carolina",
// "Certification(s)/Specialty: Family Practice").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/record.h"
#include "imr/schema/vocabulary.h"

namespace imr::indexer::parsing {

struct ReviewerFacts {
  schema::Reviewer reviewer;
  std::vector<std::string> warnings;
};

ReviewerFacts reviewer_facts(std::string_view whole_text, const layout::LetterLabels& labels,
                             const schema::Vocabulary& vocabulary, const schema::Analyzer& analyzer);

}  // namespace imr::indexer::parsing
