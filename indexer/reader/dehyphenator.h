// Dehyphenation: a word split by a hyphen at a line end is rejoined
// ("treat-" / "ment" -> "treatment"), while a word that has a hyphen of its
// own keeps it ("non-" / "controlled" -> "non-controlled"). The letter itself
// is the first witness: a form it uses elsewhere wins; then known prefixes
// (schema/data/hyphen_prefixes.txt), known second words after a beginning of
// four letters or more (the same file, "-induced") and digits keep the hyphen.
// PDF text also breaks words without a hyphen ("thor" / "acic"): two pieces
// that are no words, of the letter or of the vocabularies, whose join is one,
// are joined again. In a list whose items are joined by dashes, a line-end
// dash is the list's unless the next piece is a word's ending
// (schema/data/word_endings.txt: "capsuli-" / "tis").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace imr::indexer::reader {

// Built per letter and used by one thread: the letter's words are gathered on
// the first join that needs them, since most letters have no broken words.
class Dehyphenator {
 public:
  // prefixes: lower-case word beginnings that keep their hyphen; known_words:
  // lower-case words of the vocabularies, or none; word_endings: lower-case
  // endings that only close a word, or none. letter_text and the sets must
  // outlive the Dehyphenator.
  Dehyphenator(const std::unordered_set<std::string>& prefixes, std::string_view letter_text,
               const std::unordered_set<std::string>* known_words = nullptr,
               const std::unordered_set<std::string>* word_endings = nullptr);

  // The prefixes of schema/data/hyphen_prefixes.txt, built anew for whoever
  // assembles a reader.
  static std::shared_ptr<const std::unordered_set<std::string>> builtin_prefixes();
  // The words of the vocabularies of schema/data (treatments, specialties,
  // guidelines, drugs, synonyms), lower case.
  static std::shared_ptr<const std::unordered_set<std::string>> builtin_known_words();
  // The endings of schema/data/word_endings.txt.
  static std::shared_ptr<const std::unordered_set<std::string>> builtin_word_endings();

  // Appends next_line to paragraph, which ends with a line-end hyphen
  // ("...treat-"), deciding whether the hyphen stays.
  void join(std::string& paragraph, std::string_view next_line) const;
  // Appends next_line to paragraph with a space, or without one where the
  // line break cut a word in two ("thor" / "acic").
  void join_unbroken(std::string& paragraph, std::string_view next_line) const;

 private:
  struct Words {
    std::unordered_map<std::string, std::size_t> plain;  // lower case, without hyphens, with their counts
    std::unordered_set<std::string> hyphenated;          // lower case, "non-controlled"
  };
  static Words words_of(std::string_view text);

  bool keeps_hyphen(std::string_view left, std::string_view right) const;
  bool is_known(const std::string& lower) const;
  bool is_word(const std::string& lower) const;
  bool rejoins(std::string_view left, std::string_view right) const;
  bool ends_cut_word(std::string_view left, std::string_view right) const;
  const Words& words() const;

  const std::unordered_set<std::string>& prefixes_;
  std::string_view text_;
  const std::unordered_set<std::string>* known_words_;
  const std::unordered_set<std::string>* word_endings_;
  mutable std::optional<Words> words_;
};

}  // namespace imr::indexer::reader
