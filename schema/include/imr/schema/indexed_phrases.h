// The indexed phrases of schema/data/indexed_phrases.txt: frequent phrases the
// index keeps as one term per letter ("XPH" + a hash of its words), so that a
// phrase query for exactly one of them walks one posting list instead of
// checking its words' positions in every letter that has them all.
//
// Exact by construction: a letter gets a phrase's term (once per place) where
// the phrase's words stand at consecutive positions, the very condition of
// the positional phrase query. The index's metadata names the phrases every
// one of its letters was written with; the searcher reads that list from the
// index (IndexedPhraseTable), never from the data file, so an index written
// with another list is still answered exactly. Immutable, safe to share.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "imr/schema/token.h"

namespace imr::schema {

// The index's metadata key listing its indexed phrases, one per line, each as
// its terms joined by single spaces.
inline constexpr std::string_view kIndexedPhrasesKey = "imr:indexed_phrases";

class IndexedPhrases {
 public:
  // From the data file built into the binary; throws std::runtime_error
  // naming the line of an entry with fewer than two words.
  static std::shared_ptr<const IndexedPhrases> builtin();
  // From other lines in the same format, such as a test's.
  static std::shared_ptr<const IndexedPhrases> from_data(std::string_view name, std::string_view content);

  // Each phrase as its terms joined by single spaces.
  explicit IndexedPhrases(std::set<std::string> phrases);

  // The phrase terms of a text's tokens, once per place a phrase stands;
  // positionless[i] marks a token indexed without a position, which no
  // phrase crosses.
  std::vector<std::string> terms_in(std::span<const Token> tokens, const std::vector<bool>& positionless) const;

  const std::set<std::string>& phrases() const { return phrases_; }
  std::size_t size() const { return phrases_.size(); }

 private:
  struct Listed {
    std::vector<std::string> words;
    std::string term;
  };
  std::set<std::string> phrases_;
  std::unordered_map<std::string, std::vector<Listed>> by_first_word_;
};

// The term standing for a phrase, from its terms joined by single spaces.
// A hash, so that the term list of every letter holding the phrase stays small.
std::string indexed_phrase_term(std::string_view joined_terms);

// Records which phrases db's letters all carry, before its writer adds any:
// an empty index takes every phrase of `written`; one with letters keeps only
// those it listed already and `written` still has (an index written before
// this list, or before a phrase was added to it, gains nothing until rebuilt).
void record_indexed_phrases(Xapian::WritableDatabase& db, const IndexedPhrases& written);

// The indexed phrases of an index (of every shard, when given: those all of
// them list), read from its metadata at each look-up so that a database
// reopened in place is followed. db and shards must outlive the table.
class IndexedPhraseTable {
 public:
  explicit IndexedPhraseTable(const Xapian::Database& db, const std::vector<Xapian::Database>* shards = nullptr)
      : db_(db), shards_(shards) {}
  // The term answering a phrase of exactly these consecutive terms, when the
  // index keeps one.
  std::optional<std::string> term_of(std::span<const std::string> terms) const;

 private:
  const Xapian::Database& db_;
  const std::vector<Xapian::Database>* shards_;
};

}  // namespace imr::schema
