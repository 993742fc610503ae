// One letter end to end: sample the case, render its layout, lay it out on
// pages, and make its true record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "case_sampler.h"
#include "imr/schema/record.h"
#include "page_layout.h"
#include "template_book.h"
#include "truth.h"

namespace imr::generator {

struct GeneratedLetter {
  std::string text;         // the .txt file
  std::vector<Page> pages;  // for the PDF
  LetterText paragraphs;    // for the markdown
  schema::Record truth;
};

class LetterMaker {
 public:
  explicit LetterMaker(const TemplateBook& book);
  // The same (seed, number) always gives the same letter.
  GeneratedLetter make(std::uint64_t seed, std::uint64_t number, std::string source) const;

 private:
  const TemplateBook& book_;
  CaseSampler cases_;
};

// "letters/0000/00000042.txt": 1,000 letters a folder.
std::string letter_path(std::uint64_t number, std::string_view extension);

}  // namespace imr::generator
