// Finds known phrases in analysed text: a trie of word sequences, matched
// leftmost-longest. One generic class serves every vocabulary (drug names,
// treatment patterns, guideline wordings, specialties, synonyms), so all of
// them see words the same way: compound tokens ("10/325", "l5-s1") are skipped
// in favour of their parts, and words are compared in singular form
// ("injections" matches "injection"; words of four letters or fewer are
// left alone, so plurals of abbreviations like "MRIs" are listed as such).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "imr/schema/token.h"

namespace imr::schema {

class PhraseMatcher {
 public:
  using Id = std::uint32_t;

  // A phrase found at words [begin, end) of the input (for the Token
  // overload, indices into the token span), standing for id.
  struct Match {
    std::size_t begin;
    std::size_t end;
    Id id;
    bool operator==(const Match&) const = default;
  };

  // The words a phrase is matched on: the terms of the non-compound tokens.
  static std::vector<std::string> words_of(std::span<const Token> tokens);
  // How two words are compared: a crude English singular of the term.
  static std::string key_of(std::string_view word);
  static std::vector<std::string> keys_of(std::span<const std::string> words);

  // Adds a phrase. Returns the id the phrase already had when it was added
  // before (and keeps it), else id. Throws std::invalid_argument when empty.
  Id add(std::span<const std::string> words, Id id);

  // The id of a phrase that is exactly these words.
  std::optional<Id> find_exact(std::span<const std::string> words) const;
  // Every phrase in the words, leftmost-longest, not overlapping, in order.
  std::vector<Match> find_all(std::span<const std::string> words) const;
  std::vector<Match> find_all(std::span<const Token> tokens) const;

  std::size_t size() const { return phrases_; }

 private:
  struct Node {
    std::unordered_map<std::string, std::uint32_t> next;
    std::optional<Id> id;
  };
  std::vector<Match> find_all_keys(std::span<const std::string> keys) const;
  // The longest phrase starting at words[from]: its end and id.
  std::optional<Match> longest_at(std::span<const std::string> keys, std::size_t from) const;
  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  std::size_t phrases_ = 0;
};

}  // namespace imr::schema
