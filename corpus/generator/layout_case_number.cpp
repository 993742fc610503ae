// The "Case Number" layout (the seeds) and its 2016 credentials successor.
#include "layouts.h"
#include "letter_parts.h"

namespace imr::generator {

LetterText render_case_number(const LetterCase& c, const TemplateBook& book, Random& random) {
  const bool credentials = c.layout == Layout::credentials_2016;
  LetterText text;
  if (c.header_table) text.push_back(header_table(c, random));
  text.push_back({Block::heading, "HOW THE IMR FINAL DETERMINATION WAS MADE"});
  if (credentials) {
    text.push_back({Block::prose, book.fill("credentials.how_made", {}, random)});
    add(text, credentials_block(c, random));
  } else {
    text.push_back({Block::prose, book.fill("case.how_made", {{"reviewer_prose", reviewer_prose(c)}}, random)});
  }
  text.push_back({Block::heading, "CLINICAL CASE SUMMARY"});
  text.push_back({Block::prose, book.fill("case.summary_intro", {}, random)});
  add(text, summary(c, book, random));
  text.push_back({Block::heading, "IMR ISSUES, DECISIONS AND RATIONALES"});
  text.push_back({Block::prose, book.fill("case.decisions_intro", {}, random)});
  for (const CaseItem& item : c.items) add(text, item_block(item, "", random));
  return text;
}

LetterText render(const LetterCase& c, const TemplateBook& book, Random& random) {
  switch (c.layout) {
    case Layout::notice_2013:
      return render_notice(c, book, random);
    case Layout::maximus_inc:
      return render_maximus_inc(c, book, random);
    case Layout::professional_review:
      return render_professional_review(c, book, random);
    default:
      return render_case_number(c, book, random);
  }
}

}  // namespace imr::generator
