// The query language of contract section 4 parsed by our own code into a
// Xapian::Query, with free text analysed by the schema's Analyzer so a query
// is analysed exactly as the letters were.
#pragma once

#include <memory>
#include <string_view>

#include "imr/schema/analyzer.h"
#include "imr/schema/vocabulary.h"
#include "query/parsed_query.h"

namespace imr::searcher {

struct QueryLimits {
  std::size_t max_query_bytes = 4096;
  std::size_t max_terms = 64;
  Xapian::termcount max_wildcard_expansion = 200;
};

// Not thread-safe (holds an Analyzer): one per thread.
class QueryParser {
 public:
  QueryParser(std::shared_ptr<const schema::Vocabulary> vocabulary, QueryLimits limits = {});
  // Throws QueryError for a query that cannot be parsed or breaks a limit.
  ParsedQuery parse(std::string_view query) const;

 private:
  std::shared_ptr<const schema::Vocabulary> vocabulary_;
  QueryLimits limits_;
  schema::Analyzer analyzer_;
};

}  // namespace imr::searcher
