// Dehyphenation: a word split by a hyphen at a line end is rejoined
// ("treat-" / "ment" -> "treatment"), while a word that has a hyphen of its
// own keeps it ("non-" / "controlled" -> "non-controlled"). The letter itself
// is the first witness: a form it uses elsewhere wins; then known prefixes
// (schema/data/hyphen_prefixes.txt) and digits keep the hyphen.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace imr::indexer::reader {

// Built per letter; immutable after that.
class Dehyphenator {
 public:
  // prefixes: lower-case word beginnings that keep their hyphen.
  Dehyphenator(const std::unordered_set<std::string>& prefixes, std::string_view letter_text);

  // The prefixes of schema/data/hyphen_prefixes.txt.
  static const std::unordered_set<std::string>& standard_prefixes();

  // Appends next_line to paragraph, which ends with a line-end hyphen
  // ("...treat-"), deciding whether the hyphen stays.
  void join(std::string& paragraph, std::string_view next_line) const;

 private:
  bool keeps_hyphen(std::string_view left, std::string_view right) const;

  const std::unordered_set<std::string>& prefixes_;
  std::unordered_set<std::string> words_;             // lower case, without hyphens
  std::unordered_set<std::string> hyphenated_words_;  // lower case, "non-controlled"
};

}  // namespace imr::indexer::reader
