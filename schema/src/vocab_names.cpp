// SpecialtyTable, StateTable and SynonymTable: loading and look-ups.
#include "vocab_names.h"

#include <algorithm>
#include <cctype>

#include "imr/schema/term_normalizer.h"
#include "vocab_tsv.h"

namespace imr::schema::vocab {
namespace {

// Case-folded, trimmed of punctuation, inner spaces collapsed: "  North  Carolina." -> "north carolina".
std::string fold_name(std::string_view name) {
  std::string folded;
  for (char c : normalize_term(name)) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    if (word)
      folded += c;
    else if (!folded.empty() && folded.back() != ' ')
      folded += ' ';
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

}  // namespace

// specialties.tsv: canonical name, variants (comma-separated).
SpecialtyTable::SpecialtyTable(const DataReader& data) {
  for (const TsvRow& row : data.rows("specialties.tsv", 1, 2)) {
    const auto id = static_cast<PhraseMatcher::Id>(canonical_.size());
    auto names = split_list(row.column(1));
    names.insert(names.begin(), row.column(0));
    for (const std::string& name : names)
      if (matcher_.add(data.words(row, name), id) != id) row.fail("\"" + name + "\" already names another specialty");
    canonical_.push_back(row.column(0));
  }
}

std::optional<std::string> SpecialtyTable::specialty(std::span<const Token> wording) const {
  const auto matches = matcher_.find_all(wording);
  if (matches.empty()) return std::nullopt;
  return canonical_[matches.front().id];
}

std::vector<Vocabulary::NamedSpecialty> SpecialtyTable::specialties_in(std::span<const Token> wording) const {
  std::vector<Vocabulary::NamedSpecialty> out;
  for (const auto& m : matcher_.find_all(wording)) out.push_back({canonical_[m.id], m.begin, m.end});
  return out;
}

// states.tsv: USPS code, state name, traditional abbreviations (comma-separated).
StateTable::StateTable(const DataReader& data) {
  for (const TsvRow& row : data.rows("states.tsv", 2, 3)) {
    auto names = split_list(row.column(2));
    names.push_back(row.column(0));
    names.push_back(row.column(1));
    for (const std::string& name : names) {
      const std::string key = fold_name(name);
      auto [it, added] = codes_.emplace(key, row.column(0));
      if (!added && it->second != row.column(0)) row.fail("\"" + key + "\" already names " + it->second);
    }
  }
}

std::optional<std::string> StateTable::state_code(std::string_view name) const {
  auto it = codes_.find(fold_name(name));
  if (it == codes_.end()) return std::nullopt;
  return it->second;
}

// synonyms.tsv: the phrases of one group, tab-separated.
SynonymTable::SynonymTable(const DataReader& data) {
  for (const TsvRow& row : data.rows("synonyms.tsv", 2, 16)) {
    const auto id = static_cast<PhraseMatcher::Id>(groups_.size());
    auto& group = groups_.emplace_back();
    for (const std::string& phrase : row.columns) {
      if (phrase.empty()) continue;
      group.push_back(data.words(row, phrase));
      if (matcher_.add(group.back(), id) != id) row.fail("\"" + phrase + "\" is already in another group");
    }
  }
}

std::vector<std::vector<std::string>> SynonymTable::synonyms_of(std::span<const std::string> terms) const {
  const auto id = matcher_.find_exact(terms);
  if (!id) return {};
  std::vector<std::vector<std::string>> out;
  for (const auto& phrase : groups_[*id])
    if (PhraseMatcher::keys_of(phrase) != PhraseMatcher::keys_of(terms)) out.push_back(phrase);
  return out;
}

}  // namespace imr::schema::vocab
