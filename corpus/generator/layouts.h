// The letter layouts, one renderer each (layout_*.cpp), and the dispatch.
#pragma once

#include "letter_case.h"
#include "letter_text.h"
#include "random.h"
#include "template_book.h"

namespace imr::generator {

// 2013-2015 "Case Number" letters, and from 2016 the same with a credentials block.
LetterText render_case_number(const LetterCase& c, const TemplateBook& book, Random& random);
// "MAXIMUS FEDERAL SERVICES, INC. / Independent Medical Review".
LetterText render_maximus_inc(const LetterCase& c, const TemplateBook& book, Random& random);
// "MEDICAL PROFESSIONAL REVIEW".
LetterText render_professional_review(const LetterCase& c, const TemplateBook& book, Random& random);
// 2013 "Notice of Independent Medical Review Determination".
LetterText render_notice(const LetterCase& c, const TemplateBook& book, Random& random);

LetterText render(const LetterCase& c, const TemplateBook& book, Random& random);

}  // namespace imr::generator
