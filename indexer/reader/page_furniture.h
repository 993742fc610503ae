// Page furniture: what a printed page repeats rather than says. Page numbers
// ("Page 2 of 5") and lines repeated at the top or bottom of several pages
// (running headers and footers such as the case number or the reviewing
// organisation) are removed, and the pages joined into one text.
#pragma once

#include <string>
#include <vector>

#include "imr/layout/letter_labels.h"

namespace imr::indexer::reader {

// The pages of a text that lost its form feeds (a copy of a PDF's text) but
// still prints "Page 2 of 5" on each: cut after each such footer, or before
// each such header when the letter numbers its pages at the top. A text
// without them is one page.
std::vector<std::string> split_at_page_numbers(const std::string& text);

// The pages of a text without form feeds or page numbers that still repeats
// its letterhead or footer on every page (a capitalised line, twice in
// capitals or three times in any case, and the lines repeated with it): cut
// before each such header or after each such footer, so join_pages removes
// them. A text without one is one page.
std::vector<std::string> split_at_running_lines(const std::string& text, const layout::LetterLabels& labels);

// A page that ends mid-sentence, or on a full line (the next page's first
// word would not have fit), runs on into the next; otherwise a paragraph
// break separates them (a line of spaces where the text is double-spaced).
// Headers and footers are removed only where they run from the page's edge:
// a line repeated lower down is text. A repeated line that is a letter
// heading or field keeps its first occurrence, so the letter still states it once.
std::string join_pages(const std::vector<std::string>& pages, const layout::LetterLabels& labels);

}  // namespace imr::indexer::reader
