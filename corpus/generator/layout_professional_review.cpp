// The "MEDICAL PROFESSIONAL REVIEW" layout: issues first, then guidelines and
// rationales per item under their own long headings.
#include "layouts.h"
#include "letter_parts.h"

namespace imr::generator {
namespace {

std::string numbered(std::size_t i) { return std::to_string(i + 1) + ") "; }

// "1) Regarding the request for X:" opens an item's part under a heading.
Paragraph regarding(const CaseItem& item, std::size_t i) {
  return {Block::item_heading, numbered(i) + "Regarding the request for " + item.treatment + ":"};
}

}  // namespace

LetterText render_professional_review(const LetterCase& c, const TemplateBook& book, Random& random) {
  LetterText text{{Block::heading, "MEDICAL PROFESSIONAL REVIEW"}};
  if (c.header_table) text.push_back(header_table(c, random));
  text.push_back({Block::heading, "ISSUE AT DISPUTE:"});
  for (std::size_t i = 0; i < c.items.size(); ++i) text.push_back(item_heading(c.items[i], numbered(i), random));
  text.push_back({Block::heading, "CASE SUMMARY:"});
  add(text, summary(c, book, random));
  text.push_back({Block::heading, "DOCUMENTS REVIEWED FOR DETERMINATION:"});
  std::string docs;
  for (int i = 0; i < random.between(3, 5); ++i)
    docs += (i ? "\n" : "") + book.fill("mpr.documents", {{"ur", header_date(c.ur_denial)}}, random);
  text.push_back({Block::lines, docs});
  text.push_back({Block::heading, "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:"});
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    text.push_back(regarding(c.items[i], i));
    text.push_back({Block::citation, c.items[i].reviewer_citation + " " + book.fill("mpr.guideline_why", {}, random)});
  }
  text.push_back({Block::heading, "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:"});
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    text.push_back(regarding(c.items[i], i));
    text.push_back({Block::prose, c.items[i].rationale});
  }
  text.push_back({Block::heading, "MEDICAL REVIEWER QUALIFICATIONS:"});
  text.push_back({Block::prose, book.fill("mpr.reviewer", {{"reviewer_prose", reviewer_prose(c)}}, random)});
  return text;
}

}  // namespace imr::generator
