// The disputed items as the letter prints them: each item's heading and
// decision, what the claims administrator and the reviewer cited, and the
// rationale. Covers item headings ("Norco 10/325mg QTY: 90.00: Upheld"), the
// 2013 notice sentences ("1) MAXIMUS Federal Services, Inc. has determined the
// request for X is not medically necessary and appropriate") with their
// "Regarding the request for X:" blocks, and letter-wide guideline and
// rationale sections that apply to every item.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "letter_text.h"

namespace imr::indexer::parsing {

struct PrintedItem {
  std::string treatment;        // as printed, without decision, numbering or markup
  std::string decision;         // "upheld" | "overturned" | "" when the letter does not say
  int number = 0;               // "1)" numbering in notice letters, else 0
  bool claims_cited = false;    // the item has a claims administrator guideline line
  std::string claims_citation;  // the text of that line
  bool reviewer_cited = false;  // the item has its own reviewer guideline line
  std::string reviewer_citation;
  std::string rationale;
};

struct PrintedItems {
  std::vector<PrintedItem> items;
  std::vector<std::string> warnings;
};

// The labels' decision words, conclusion phrases and numbering pattern, made
// once per parser: compiling the pattern cost more than reading a letter's items.
struct ItemRules;
std::shared_ptr<const ItemRules> item_rules(const layout::LetterLabels& labels);

// The labels must be those the text was read with.
PrintedItems printed_items(const LetterText& text, const ItemRules& rules);

}  // namespace imr::indexer::parsing
