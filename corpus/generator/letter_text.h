// A rendered letter before it meets the page: paragraphs that know what
// they are, so the page layout wraps prose, keeps table lines and treats
// headings the way the real PDFs do.
#pragma once

#include <string>
#include <vector>

namespace imr::generator {

enum class Block {
  heading,       // a section heading: its own line, never hyphenated
  item_heading,  // "TREATMENT: Upheld": may wrap over two lines, never hyphenated
  prose,         // wrapped, may be hyphenated at line ends
  citation,      // a labelled guideline line: wrapped, never hyphenated
  lines,         // printed line by line as given (header table, lists)
};

struct Paragraph {
  Block kind;
  std::string text;  // for Block::lines, lines separated by '\n'
};

using LetterText = std::vector<Paragraph>;

}  // namespace imr::generator
