// What every search-like handler reads first: the query and the filters.
#pragma once

#include "imr/api/request.h"
#include "imr/api/search_context.h"
#include "imr/collector/filters.h"
#include "imr/query/parsed_query.h"

namespace imr::searcher {

struct SearchInput {
  ParsedQuery query;
  Filters filters;
};

// q= and filter= (at most limit::filters); throws QueryError, FilterError or BadRequest (all 400).
SearchInput read_input(SearchContext& ctx, const Request& request);

}  // namespace imr::searcher
