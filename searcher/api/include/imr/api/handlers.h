// The API of contract section 3 as plain functions from a request to a
// response. Each throws on bad input; respond() turns that into 400/503.
#pragma once

#include <functional>
#include <string_view>

#include "imr/api/request.h"
#include "imr/api/search_context.h"

namespace imr::searcher {

// GET /api/search?q&filter&page&per_page&sort
Response search(SearchContext& ctx, const Request& request);
// GET /api/doc/{key}?q: key is a case number or a hit's "key".
Response document(SearchContext& ctx, const Request& request, std::string_view key);
// GET /api/similar/{key}?filter&page&per_page&sort: the letters most like
// one letter (see similar_query), in the hit format of search.
Response similar(SearchContext& ctx, const Request& request, std::string_view key);
// GET /api/stats?q&filter&by
Response stats(SearchContext& ctx, const Request& request);
// GET /api/export?q&filter&format=csv|jsonl: every matching letter, newest
// decision first, as a stream (Response::next_chunk) of CSV rows (one per
// item) or JSON lines (one record per letter).
Response export_letters(SearchContext& ctx, const Request& request);
// GET /api/feed?q&filter: an Atom feed of the 50 newest dated matching
// letters, linking to the page at request.base_url.
Response feed(SearchContext& ctx, const Request& request);
// GET /api/health
Response health(SearchContext& ctx);
// GET /api/openapi.json
Response openapi();
// The OpenAPI document openapi() answers.
const nlohmann::json& openapi_document();

// Runs a handler on the newest revision of the index (SearchContext::refresh, and
// retrying once when it changes or a replica switches directories mid-request), answering 400 with the reason
// for anything the client must fix and 503 for anything else.
Response respond(SearchContext& ctx, const std::function<Response()>& handler);

}  // namespace imr::searcher
