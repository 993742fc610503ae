// The state shared by the parts of query building: the analysis chain and
// thesaurus, the limits, and what the query collects besides the Xapian
// query (highlights, item fields, the number of terms).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imr/query/parsed_query.h"
#include "imr/query/query_limits.h"
#include "imr/query/thesaurus.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/indexed_phrases.h"
#include "imr/schema/stem_table.h"
#include "lexer.h"

namespace imr::searcher {

// What the index the query will search answers by itself: the words of a stem
// (without a stem table a stemmed word finds only its stem as a word) and the
// phrases kept as terms (without them every phrase is matched by positions).
struct IndexTables {
  const schema::StemTable* stems = nullptr;
  const schema::IndexedPhraseTable* phrases = nullptr;
};

class BuildContext {
 public:
  BuildContext(std::string_view query, const schema::Analyzer& analyzer, const Thesaurus& thesaurus,
               const QueryLimits& limits, IndexTables index)
      : query_(query), analyzer_(analyzer), thesaurus_(thesaurus), limits_(limits), index_(index) {}

  const schema::Analyzer& analyzer() const { return analyzer_; }
  const Thesaurus& thesaurus() const { return thesaurus_; }
  const QueryLimits& limits() const { return limits_; }
  // The index's words with this stem term (schema/stem_table.h).
  std::vector<std::string> stem_words(std::string_view stem_term) const {
    return index_.stems ? index_.stems->words_of(stem_term) : std::vector<std::string>{};
  }
  // The index's term for a phrase of exactly these consecutive terms, if it keeps one.
  std::optional<std::string> phrase_term(std::span<const std::string> terms) const {
    return index_.phrases ? index_.phrases->term_of(terms) : std::nullopt;
  }

  // Throws QueryError when the query grows past the term limit.
  void count_terms(std::size_t n);
  // Recorded only outside negations, once each.
  void highlight(Highlight::Kind kind, std::vector<std::string> terms);
  void item_field(std::string_view name, std::string_view value);

  // "at character 7", for messages about a lexeme.
  std::string where(const Lexeme& l) const;

  // While alive, what is built is negated: it marks nothing.
  class Negation {
   public:
    explicit Negation(BuildContext& c) : c_(c), was_(c.negated_) { c.negated_ = true; }
    ~Negation() { c_.negated_ = was_; }
    Negation(const Negation&) = delete;
    Negation& operator=(const Negation&) = delete;

   private:
    BuildContext& c_;
    bool was_;
  };

  std::vector<Highlight> take_highlights() { return std::move(highlights_); }
  std::vector<std::pair<std::string, std::string>> take_item_fields() { return std::move(item_fields_); }

 private:
  std::string_view query_;
  const schema::Analyzer& analyzer_;
  const Thesaurus& thesaurus_;
  const QueryLimits& limits_;
  IndexTables index_;
  bool negated_ = false;
  std::size_t terms_ = 0;
  std::vector<Highlight> highlights_;
  std::vector<std::pair<std::string, std::string>> item_fields_;
};

}  // namespace imr::searcher
