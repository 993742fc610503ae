// Short name lists: board specialties with their variants (specialties.tsv),
// states with their USPS codes (states.tsv) and query synonyms, groups of
// phrases that mean the same (synonyms.tsv).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "phrase_matcher.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {

class SpecialtyTable {
 public:
  explicit SpecialtyTable(const DataReader& data);
  // The first specialty the wording names.
  std::optional<std::string> specialty(std::span<const Token> wording) const;
  // Every specialty the wording names, in order, with the tokens naming it.
  std::vector<Vocabulary::NamedSpecialty> specialties_in(std::span<const Token> wording) const;
  const std::vector<std::string>& specialties() const { return canonical_; }

 private:
  std::vector<std::string> canonical_;
  PhraseMatcher matcher_;  // id: index into canonical_
};

class StateTable {
 public:
  explicit StateTable(const DataReader& data);
  // "California", "california", "CA" -> "CA".
  std::optional<std::string> state_code(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::string> codes_;  // folded name or code -> code
};

class SynonymTable {
 public:
  explicit SynonymTable(const DataReader& data);
  std::vector<std::vector<std::string>> synonyms_of(std::span<const std::string> terms) const;

 private:
  std::vector<std::vector<std::vector<std::string>>> groups_;  // group -> phrases -> words
  PhraseMatcher matcher_;                                      // id: index into groups_
};

}  // namespace imr::schema::vocab
