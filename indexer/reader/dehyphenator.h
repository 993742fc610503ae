// Dehyphenation: a word split by a hyphen at a line end is rejoined
// ("treat-" / "ment" -> "treatment"), while a word that has a hyphen of its
// own keeps it ("non-" / "controlled" -> "non-controlled"). The letter itself
// is the first witness: a form it uses elsewhere wins; then known prefixes
// (schema/data/hyphen_prefixes.txt) and digits keep the hyphen.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace imr::indexer::reader {

// Built per letter and used by one thread: the letter's words are gathered on
// the first join that needs them, since most letters have no broken words.
class Dehyphenator {
 public:
  // prefixes: lower-case word beginnings that keep their hyphen. letter_text
  // must outlive the Dehyphenator.
  Dehyphenator(const std::unordered_set<std::string>& prefixes, std::string_view letter_text);

  // The prefixes of schema/data/hyphen_prefixes.txt, built anew for whoever
  // assembles a reader.
  static std::shared_ptr<const std::unordered_set<std::string>> builtin_prefixes();

  // Appends next_line to paragraph, which ends with a line-end hyphen
  // ("...treat-"), deciding whether the hyphen stays.
  void join(std::string& paragraph, std::string_view next_line) const;

 private:
  struct Words {
    std::unordered_set<std::string> plain;       // lower case, without hyphens
    std::unordered_set<std::string> hyphenated;  // lower case, "non-controlled"
  };
  static Words words_of(std::string_view text);

  bool keeps_hyphen(std::string_view left, std::string_view right) const;
  const Words& words() const;

  const std::unordered_set<std::string>& prefixes_;
  std::string_view text_;
  mutable std::optional<Words> words_;
};

}  // namespace imr::indexer::reader
