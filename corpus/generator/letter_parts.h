// The pieces several layouts share: the header table, the reviewer in prose
// or as a credentials block, the case summary and the item blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letter_case.h"
#include "letter_text.h"
#include "random.h"
#include "template_book.h"

namespace imr::generator {

// The words a layout labels its dates and item parts with.
struct Labels {
  std::string_view decision_date, ur_denial_date;
  std::string_view claims, reviewer, rationale;
};
// The Case Number layouts and their successors.
inline constexpr Labels kStandardLabels{"Decision Date:", "UR Denial Date:", "Claims Administrator guideline:",
                                        "MAXIMUS guideline:", "Decision rationale:"};
// The 2013 notice.
inline constexpr Labels kNoticeLabels{
    "Date of Decision:", "Date of UR Decision:", "Medical Treatment Guideline(s) Used by the Claims Administrator:",
    "Medical Treatment Guideline(s) Used by the Expert Reviewer:", "Rationale for the Decision:"};

// Case Number, Date Assigned, ... in the two-column form PDF text gives, or
// one field a line; "Application Received:" sometimes wrapped onto two lines.
Paragraph header_table(const LetterCase& c, Random& random, const Labels& labels = kStandardLabels);

// "Board Certified in Anesthesiology, has a subspecialty in Pain Management
// and is licensed to practice in Tennessee".
std::string reviewer_prose(const LetterCase& c);

// The 2016 block: "The Expert Reviewer has the following credentials:" ...
std::vector<Paragraph> credentials_block(const LetterCase& c, Random& random);

// The summary's prose: opening, history, complaints, diagnoses, request, UR.
std::vector<Paragraph> summary(const LetterCase& c, const TemplateBook& book, Random& random);

// "CARISOPRODOL 350MG #30 QTY: 30.00:  Upheld", optionally numbered "1. ".
Paragraph item_heading(const CaseItem& item, std::string number, Random& random);

// The labelled parts of an item: what each side cited, and the rationale.
std::vector<Paragraph> item_parts(const CaseItem& item, const Labels& labels);

// The heading and the three labelled parts of an item.
std::vector<Paragraph> item_block(const CaseItem& item, std::string number, Random& random);

// Appends the paragraphs.
void add(LetterText& text, std::vector<Paragraph> more);

}  // namespace imr::generator
