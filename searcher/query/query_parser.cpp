// QueryParser: the query pipeline, and its spelling suggestions, behind one object.
#include "imr/query/query_parser.h"

#include "query_builder.h"
#include "spelling_suggester.h"

namespace imr::searcher {

void QueryParser::answer_from(const Xapian::Database& db, const std::vector<Xapian::Database>* shards) {
  stems_.emplace(db, shards);
  phrases_.emplace(db, shards);
}

QueryParser::QueryParser(std::shared_ptr<const schema::Vocabulary> vocabulary, QueryLimits limits)
    : thesaurus_(vocabulary_thesaurus(std::move(vocabulary))), limits_(limits) {}

ParsedQuery QueryParser::parse(std::string_view query) const {
  return parse_query(query, analyzer_, *thesaurus_, limits_,
                     {stems_ ? &*stems_ : nullptr, phrases_ ? &*phrases_ : nullptr});
}

std::optional<std::string> QueryParser::suggest(const Xapian::Database& db, std::string_view query) const {
  return SpellingSuggester(analyzer_, *thesaurus_).suggest(db, query);
}

}  // namespace imr::searcher
