// The query language of contract section 4 parsed by our own code into a
// Xapian::Query, with free text analysed by the schema's Analyzer so a query
// is analysed exactly as the letters were.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "imr/query/parsed_query.h"
#include "imr/query/query_limits.h"
#include "imr/query/thesaurus.h"
#include "imr/schema/analyzer.h"
#include "imr/schema/indexed_phrases.h"
#include "imr/schema/stem_table.h"
#include "imr/schema/vocabulary.h"

namespace imr::searcher {

// Not thread-safe (holds an Analyzer): one per thread. Copies share the
// (immutable) vocabulary.
class QueryParser {
 public:
  // Without a vocabulary (nullptr) words find only themselves: no drug names
  // or abbreviations are expanded.
  QueryParser(std::shared_ptr<const schema::Vocabulary> vocabulary, QueryLimits limits = {});
  // Stemmed words expand to the words of this index's stem table (every
  // shard's, when given), and a phrase the index keeps as a term is answered
  // from it; db and shards must outlive the parser, and may be reopened in
  // place. Without an index a stemmed word finds only its stem, and every
  // phrase is matched by positions.
  void answer_from(const Xapian::Database& db, const std::vector<Xapian::Database>* shards = nullptr);
  // Throws QueryError for a query that cannot be parsed or breaks a limit.
  ParsedQuery parse(std::string_view query) const;
  // "Did you mean" for a query that parsed, from db's own words (see
  // SpellingSuggester); nullopt when every word looks right.
  std::optional<std::string> suggest(const Xapian::Database& db, std::string_view query) const;

 private:
  std::shared_ptr<const Thesaurus> thesaurus_;
  QueryLimits limits_;
  schema::Analyzer analyzer_;
  std::optional<schema::StemTable> stems_;
  std::optional<schema::IndexedPhraseTable> phrases_;
};

}  // namespace imr::searcher
