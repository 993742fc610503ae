// The values of the labelled fields of letter_labels.tsv ("Case Number:",
// "State(s) of Licensure:") found in a text: each runs from its label to the
// next label or the end of the paragraph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer::parsing {

class FieldValues {
 public:
  FieldValues(std::string_view whole_text, const layout::LetterLabels& labels);
  // The first value of the field of that name, trimmed; nullopt when absent.
  std::optional<std::string_view> first(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string_view>> values_;
};

}  // namespace imr::indexer::parsing
