// Last step of query parsing: the syntax tree as one Xapian::Query, with the
// highlights and item fields the rest of the searcher needs, and the whole
// pipeline (text checks -> lexer -> syntax tree -> query) as one call.
#pragma once

#include <string_view>

#include "build_context.h"
#include "imr/query/parsed_query.h"
#include "imr/query/query_limits.h"
#include "imr/query/thesaurus.h"
#include "imr/schema/analyzer.h"
#include "syntax_tree.h"

namespace imr::searcher {

// index: what the index the query will search answers by itself (see IndexTables).
ParsedQuery build_query(std::string_view query, const SyntaxNode& root, const schema::Analyzer& analyzer,
                        const Thesaurus& thesaurus, const QueryLimits& limits, IndexTables index);

// Throws QueryError for a query that cannot be parsed or breaks a limit.
ParsedQuery parse_query(std::string_view query, const schema::Analyzer& analyzer, const Thesaurus& thesaurus,
                        const QueryLimits& limits, IndexTables index);

}  // namespace imr::searcher
