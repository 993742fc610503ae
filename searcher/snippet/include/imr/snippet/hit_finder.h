// Where a query's highlights hit a text: the analysed tokens of the text
// compared with ParsedQuery::highlights (terms, stems, prefixes, phrases).
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "imr/query/parsed_query.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/token.h"
#include "imr/snippet/text_range.h"

namespace imr::searcher {

// Not thread-safe (it remembers the stems it computed): one per thread or per request.
class HitFinder {
 public:
  // Both must outlive the finder.
  HitFinder(const schema::Analyzer& analyzer, std::span<const Highlight> highlights);

  // Sorted, non-overlapping byte ranges; a phrase is one range from its first
  // word to its last.
  std::vector<TextRange> find(std::span<const schema::Token> tokens) const;

 private:
  bool token_hits(const schema::Token& token, const Highlight& h, std::string_view needle) const;
  // analyzer_.stem_term, remembered: letters repeat their words, and stemming
  // every token of every hit's letter was most of a search's time.
  const std::string& stem_of(const std::string& term) const;
  void add_phrases(std::span<const schema::Token> tokens, const Highlight& h, std::vector<TextRange>& out) const;

  const schema::Analyzer& analyzer_;
  std::span<const Highlight> highlights_;
  // Per highlight, needle_of(): an ASCII token without it is no hit, so most
  // tokens are never stemmed.
  std::vector<std::string> needles_;
  mutable std::unordered_map<std::string, std::string> stems_;
};

}  // namespace imr::searcher
