// markdown_text: one markdown block per paragraph of the rendered letter.
#include "markdown_writer.h"

namespace imr::generator {
namespace {

// Lines printed as given end in two spaces: markdown's hard line break.
std::string hard_broken(const std::string& lines) {
  std::string out;
  for (const char c : lines) out += c == '\n' ? std::string("  \n") : std::string(1, c);
  return out + "  ";
}

std::string block(const Paragraph& p) {
  switch (p.kind) {
    case Block::heading:
      return "## " + p.text;
    case Block::item_heading:
      return "### " + p.text;
    case Block::prose:
    case Block::citation:
      return p.text;
    case Block::lines:
      return hard_broken(p.text);
  }
  return p.text;
}

}  // namespace

std::string markdown_text(const LetterText& text) {
  std::string out;
  for (const Paragraph& p : text) out += block(p) + "\n\n";
  return out;
}

}  // namespace imr::generator
