// The analysis chain shared by indexing and querying:
//   text -> WordTokenizer (ICU) -> group_compounds -> normalize_term -> tokens,
// plus English Snowball stems as extra terms, the way Xapian's TermGenerator
// adds them. Because both sides call this one class, a query is analysed
// exactly as the letters were.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/schema/token.h"
#include "imr/schema/word_tokenizer.h"

namespace imr::schema {

// Terms longer than this are not indexed (Xapian's own limit is 245 bytes).
inline constexpr std::size_t kMaxTermBytes = 64;

// Not thread-safe (ICU iterators carry state): one Analyzer per thread.
class Analyzer {
 public:
  Analyzer();

  // Tokens in text order. Positions start at first_position; the parts of a
  // compound take consecutive positions and the compound shares the first.
  std::vector<Token> tokens(std::string_view text, std::uint32_t first_position = 1) const;

  // The stem term for a word ("Z" + stem), or "" for words that are not
  // stemmed (numbers, compounds, anything with a digit).
  std::string stem_term(std::string_view term) const;
  // The stem term the index's stem table (stem_table.h) lists a word under:
  // none ("") for a word that is its own stem ("pain"), which the query finds
  // as itself.
  std::string indexed_stem_term(std::string_view term) const;
  // A query word's stem term, whose words in the stem table find every letter
  // holding a word with this word's stem, then the stem as a word when it is
  // its own stem ("pains" -> Zpain, pain). Empty for words that are not stemmed.
  std::vector<std::string> stem_query_terms(std::string_view term) const;

 private:
  static bool own_stem(std::string_view term, std::string_view stem);
  WordTokenizer tokenizer_;
  Xapian::Stem stemmer_;
};

}  // namespace imr::schema
