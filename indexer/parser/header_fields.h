// The header table of a letter: case number, the five dates, and priority
// ("Case Number: CM14-0039927", "Date of Injury: 05/17/2004", "Priority: Standard").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"
#include "imr/schema/record.h"

namespace imr::indexer::parsing {

struct HeaderFields {
  std::optional<std::string> case_number;
  schema::Dates dates;
  std::optional<std::string> priority;  // "standard" | "expedited"
  std::vector<std::string> warnings;
};

HeaderFields header_fields(std::string_view whole_text, const layout::LetterLabels& labels);

// The case number a file's name is ("CM15-0123456.pdf", "cm15-0123456.txt"), upper case; nullopt otherwise.
std::optional<std::string> case_number_of_file(std::string_view source);

}  // namespace imr::indexer::parsing
