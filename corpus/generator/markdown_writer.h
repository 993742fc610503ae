// Letters as markdown, the way pasting a letter into a markdown tool or
// converting its PDF gives it: section headings as "##" headings, item
// headings as "###", one line a paragraph, table lines kept with hard breaks.
#pragma once

#include <string>

#include "letter_text.h"

namespace imr::generator {

std::string markdown_text(const LetterText& text);

}  // namespace imr::generator
