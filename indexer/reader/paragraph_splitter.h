// Paragraph starts: headings, header-table fields, labels and item headings
// each begin a paragraph of their own, even where the source ran them
// together ("Date Assigned: 06/27/2014 Date of Injury: 05/17/2004", or a
// heading followed by its first sentence on the next line).
#pragma once

#include <string>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer::reader {

// Splits each paragraph before every heading, field and label, and after
// every heading and item decision ("...QTY: 30.00: Upheld").
std::vector<std::string> split_at_labels(const std::vector<std::string>& paragraphs,
                                         const layout::LetterLabels& labels);

}  // namespace imr::indexer::reader
