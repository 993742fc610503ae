// The 2013 "Notice of Independent Medical Review Determination": numbered
// decision sentences up front, then the reasons item by item.
#include "layouts.h"
#include "letter_parts.h"

namespace imr::generator {
namespace {

std::string decision_sentence(const CaseItem& item, std::size_t i) {
  return std::to_string(i + 1) + ") MAXIMUS Federal Services, Inc. has determined the request for " + item.treatment +
         (item.upheld ? " is not medically necessary and appropriate." : " is medically necessary and appropriate.");
}

}  // namespace

LetterText render_notice(const LetterCase& c, const TemplateBook& book, Random& random) {
  LetterText text{{Block::heading, "Notice of Independent Medical Review Determination"},
                  {Block::lines, header_date(c.decision)}};
  if (c.header_table) text.push_back(header_table(c, random, kNoticeLabels));
  text.push_back({Block::prose, book.fill("notice.opening", {}, random)});
  text.push_back({Block::prose, book.fill("notice.body", {}, random)});
  for (std::size_t i = 0; i < c.items.size(); ++i) text.push_back({Block::prose, decision_sentence(c.items[i], i)});
  text.push_back({Block::prose, book.fill("notice.closing", {}, random)});
  // One fill per statement (see summary() in letter_parts.cpp).
  const std::string signer = book.fill("notice.signer", {}, random);
  const std::string signature = book.fill("notice.signature", {}, random);
  text.push_back({Block::lines, signature + "\n\n" + signer});
  text.push_back({Block::heading, "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"});
  text.push_back({Block::prose, "Medical Qualifications of the Expert Reviewer:"});
  text.push_back({Block::prose, book.fill("notice.reviewer", {{"reviewer_prose", reviewer_prose(c)}}, random)});
  text.push_back({Block::prose, "Case Summary:"});
  add(text, summary(c, book, random));
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const CaseItem& item = c.items[i];
    text.push_back(
        {Block::item_heading, std::to_string(i + 1) + ") Regarding the request for " + item.treatment + ":"});
    add(text, item_parts(item, kNoticeLabels));
  }
  return text;
}

}  // namespace imr::generator
