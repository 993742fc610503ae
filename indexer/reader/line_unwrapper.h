// Unwrapping: the lines of a text joined into paragraphs. Three ways of
// writing are told apart per text:
//  - double-spaced (typed letters exported to text): every line is followed
//    by an empty line (in some PDF text by two), a paragraph ends at a line
//    holding only spaces or at a larger gap, and page breaks add empty lines
//    anywhere, even mid-sentence;
//  - hard-wrapped: an empty or blank line ends a paragraph;
//  - one line per paragraph: every line end ends a paragraph.
// An empty line after every line, or none at all, can be either double
// spacing or hard wrapping, or one paragraph per line: the lines decide
// (wrapped text breaks many lines mid-sentence; paragraphs end their
// sentences or are headings), not the spacing alone.
// A paragraph that stops mid-sentence and a next one that starts in lower
// case are one paragraph cut by a page break, and are joined again. A line
// holding only an item's decision ("Upheld") below a heading without a colon
// starts a paragraph: it ends the heading, it does not go on with it.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dehyphenator.h"

namespace imr::indexer::reader {

enum class LineStyle { double_spaced, hard_wrapped, paragraph_per_line };

LineStyle line_style_of(const std::vector<std::string_view>& lines);

// The empty lines that follow each line of a paragraph in double-spaced text:
// one, or two where that is what nearly every line break holds (PDF text
// whose paragraphs then end at three).
std::size_t line_gap(const std::vector<std::string_view>& lines);

// Whether tidy text is an item's decision: alone on a line (see
// is_decision_line), or in the last column of a table (is_decision_column).
using DecisionLineTest = std::function<bool(std::string_view)>;

// Paragraphs of tidy text (single spaces, no line breaks), none empty.
std::vector<std::string> unwrap_paragraphs(std::string_view text, const Dehyphenator& dehyphenator,
                                           const DecisionLineTest& is_decision_line = {},
                                           const DecisionLineTest& is_decision_column = {});

}  // namespace imr::indexer::reader
