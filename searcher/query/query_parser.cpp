#include "query/query_parser.h"

#include "query/query_builder.h"

namespace imr::searcher {

QueryParser::QueryParser(std::shared_ptr<const schema::Vocabulary> vocabulary, QueryLimits limits)
    : thesaurus_(vocabulary_thesaurus(std::move(vocabulary))), limits_(limits) {}

ParsedQuery QueryParser::parse(std::string_view query) const {
  return parse_query(query, analyzer_, *thesaurus_, limits_);
}

}  // namespace imr::searcher
