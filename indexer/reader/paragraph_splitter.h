// Paragraph starts: headings, header-table fields, labels and item headings
// each begin a paragraph of their own, even where the source ran them
// together ("Date Assigned: 06/27/2014 Date of Injury: 05/17/2004", or a
// heading followed by its first sentence on the next line).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer::reader {

// Splits each paragraph before every heading, field and label, and after
// every heading and item decision ("...QTY: 30.00: Upheld").
std::vector<std::string> split_at_labels(const std::vector<std::string>& paragraphs,
                                         const layout::LetterLabels& labels);

// Whether a tidy line holds nothing but an item's decision ("Upheld",
// "Overturned."), as letters print it below a heading that has no colon.
bool is_decision_line(std::string_view tidy_line, const layout::LetterLabels& labels);

// Whether the last column of a table row is an item's decision, in any of
// its wordings ("Overturned", "Not medically necessary").
bool is_decision_column(std::string_view tidy_cell, const layout::LetterLabels& labels);

}  // namespace imr::indexer::reader
