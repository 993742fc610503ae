// Which handler answers which /api/ path. One table, so the server, the 404
// message and the OpenAPI test all read the same list of routes.
#pragma once

#include <span>
#include <string_view>

#include "imr/api/request.h"
#include "imr/api/search_context.h"

namespace imr::searcher {

struct Route {
  // As the OpenAPI document writes it; a trailing "{name}" takes the rest of
  // the path (one segment, no '/') as the handler's argument.
  std::string_view path;
  Response (*handle)(SearchContext& ctx, const Request& request, std::string_view argument);
  // Its answers depend only on the index revision and the parameters, so
  // the context's response cache may keep them.
  bool cacheable = false;
};

std::span<const Route> routes();

// The answer to GET path (through respond(), so errors are 400/404/503 JSON).
Response route(SearchContext& ctx, std::string_view path, const Request& request);

}  // namespace imr::searcher
