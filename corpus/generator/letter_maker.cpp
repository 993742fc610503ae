// LetterMaker: the steps of one letter, each from the letter's own random stream.
#include "letter_maker.h"

#include <cstdio>

#include "layouts.h"

namespace imr::generator {

LetterMaker::LetterMaker(const TemplateBook& book) : book_(book), cases_(book) {}

GeneratedLetter LetterMaker::make(std::uint64_t seed, std::uint64_t number, std::string source) const {
  Random random(seed, number);
  const LetterCase c = cases_.sample(number, random);
  GeneratedLetter out;
  out.paragraphs = render(c, book_, random);
  const PageStyle style = sample_page_style(book_, random);
  out.pages = paginate(out.paragraphs, style, random);
  out.text = page_text(out.pages, style);
  out.truth = true_record(c, std::move(source));
  return out;
}

std::string letter_path(std::uint64_t number, std::string_view extension) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "letters/%04llu/%08llu.", static_cast<unsigned long long>(number / 1000),
                static_cast<unsigned long long>(number));
  return buf + std::string(extension);
}

}  // namespace imr::generator
