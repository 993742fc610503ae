// field:value in a query: a facet field as boolean terms that filter without
// changing relevance ("drug:soma" -> the carisoprodol term), or a date field
// as a range over its value slot ("decided:2014..2015").
#pragma once

#include <xapian.h>

#include "build_context.h"
#include "lexer.h"

namespace imr::searcher {

// Throws QueryError for an unknown field, an empty value or a bad date.
Xapian::Query field_query(BuildContext& ctx, const Lexeme& field);

}  // namespace imr::searcher
