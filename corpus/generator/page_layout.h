// The page: how a rendered letter looks once printed to PDF and extracted
// back to text. Hard wrapping (single or the seeds' double-spaced form),
// words hyphenated across line ends, item headings wrapped over two lines,
// running headers, "Page 2 of 4" footers, form feeds and mojibake.
#pragma once

#include <string>
#include <vector>

#include "letter_text.h"
#include "random.h"
#include "template_book.h"

namespace imr::generator {

struct PageStyle {
  std::size_t width = 95;  // characters a line
  std::size_t lines_per_page = 50;
  bool double_spaced = false;  // a blank line after every line, as in the seeds
  bool furniture = true;       // running header and "Page i of n"
  bool form_feeds = true;      // pages separated by \f
  bool mojibake = false;       // UTF-8 read as Windows-1252: "®" -> "Â®"
  bool curly_quotes = false;   // ’ for '
  double hyphenation = 0.0;    // chance a long word breaks at a line end
  std::string running_header;  // may be empty
};

PageStyle sample_page_style(const TemplateBook& book, Random& random);

using Page = std::vector<std::string>;  // its lines

std::vector<Page> paginate(const LetterText& text, const PageStyle& style, Random& random);

// The pages as extracted text (.txt files).
std::string page_text(const std::vector<Page>& pages, const PageStyle& style);

}  // namespace imr::generator
