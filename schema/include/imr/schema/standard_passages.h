// The standard passages of schema/data/standard_passages.txt: the fixed
// sentences (the notice, how the determination was made) that every letter of
// a layout repeats. The index keeps their words as terms but not their
// positions, since positions of text every letter shares cost a sixth of the
// position table and tell no letter apart. Immutable, safe to share.
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "imr/schema/token.h"

namespace imr::schema {

class PhraseMatcher;

class StandardPassages {
 public:
  // From the data file built into the binary; throws std::runtime_error
  // naming the line of an entry with no words.
  static std::shared_ptr<const StandardPassages> builtin();
  // From other lines in the same format, such as a test's.
  static std::shared_ptr<const StandardPassages> from_data(std::string_view name, std::string_view content);

  explicit StandardPassages(std::unique_ptr<const PhraseMatcher> matcher);
  ~StandardPassages();

  // For each token, whether it lies inside a standard passage of the text
  // the tokens were analysed from (a compound counts when its parts do).
  std::vector<bool> inside(std::span<const Token> tokens) const;

  std::size_t size() const;

 private:
  std::unique_ptr<const PhraseMatcher> matcher_;
};

}  // namespace imr::schema
