// Second step of the analysis chain: words that a letter writes as one unit
// ("L5-S1", "10/325", "350mg", "e-mail", "c++", "john@x.org") are kept as one
// compound term, and their parts stay searchable words at consecutive positions.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "imr/schema/word_tokenizer.h"

namespace imr::schema {

struct WordGroup {
  std::vector<Span> parts;  // one or more words, in order
  Span whole;               // the span the group covers as written
  // A group is a compound when it stands for more than its single part.
  bool compound() const {
    return parts.size() > 1 || whole.end != parts.front().end || whole.start != parts.front().start;
  }
};

// Groups words joined by a single connector (- / @ and Unicode hyphens) with no
// space, and splits a number glued to its unit ("350mg" -> "350", "mg").
std::vector<WordGroup> group_compounds(std::string_view text, const std::vector<Span>& words);
// The same groups, handed to each in order without collecting them: one
// WordGroup is reused for every group, so a letter's words cost no allocation each.
void for_each_group(std::string_view text, const std::vector<Span>& words,
                    const std::function<void(const WordGroup&)>& each);

}  // namespace imr::schema
