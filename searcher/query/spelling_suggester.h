// "Did you mean": a query's rare words replaced by close words that the
// index itself holds in many more letters. The corpus is its own dictionary,
// so drug names are corrected to the spellings the letters use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "imr/query/thesaurus.h"
#include "imr/schema/analyzer.h"
#include "lexer.h"

namespace imr::searcher {

// Not thread-safe (uses the caller's Analyzer): one per thread.
class SpellingSuggester {
 public:
  // Both must outlive the suggester.
  SpellingSuggester(const schema::Analyzer& analyzer, const Thesaurus& thesaurus);

  // The query with each misspelled-looking word replaced, or nullopt when no
  // word needs it. A drug name the vocabulary knows is replaced by its
  // generic only when it is a misspelling of it (within the edit distance
  // below). Any other word is considered when it is in fewer than
  // kRareLetters letters; its replacement is the closest index word (edit
  // distance 1, or 2 for words of 6 letters or more) starting with the same
  // letter and found in at least kMoreTimes as many letters (and in one at
  // least). The value of a drug:, class: or category: field that no letter
  // has is replaced the same way by the closest value letters have (drug
  // names the vocabulary knows as above), so the suggestion is the whole
  // query with "drug:tramadol" for "drug:tramadl". Words in quotes, other
  // fields and wildcards are left as typed. The query must have parsed.
  std::optional<std::string> suggest(const Xapian::Database& db, std::string_view query) const;

  static constexpr Xapian::doccount kRareLetters = 3;
  static constexpr Xapian::doccount kMoreTimes = 5;

 private:
  // What the vocabulary says of a drug name: unknown, or known and either
  // right as typed or a misspelling of `generic`.
  struct Known {
    bool known = false;
    std::optional<std::string> generic;
  };

  Known vocabulary_name(const std::string& term) const;
  std::optional<std::string> correction(const Xapian::Database& db, std::string_view word) const;
  std::optional<std::string> value_correction(const Xapian::Database& db, const Lexeme& field) const;
  std::optional<std::string> fix_of(const Xapian::Database& db, const Lexeme& l) const;

  const schema::Analyzer& analyzer_;
  const Thesaurus& thesaurus_;
};

}  // namespace imr::searcher
