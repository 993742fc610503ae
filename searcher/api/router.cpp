// route(): the table of API routes and the lookup in it.
#include "imr/api/router.h"

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include "imr/api/handlers.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

const std::array<Route, 8> kRoutes{{
    {"/api/search", [](SearchContext& c, const Request& r, std::string_view) { return search(c, r); }, true},
    {"/api/doc/{key}", [](SearchContext& c, const Request& r, std::string_view key) { return document(c, r, key); }},
    {"/api/similar/{key}", [](SearchContext& c, const Request& r, std::string_view key) { return similar(c, r, key); }},
    {"/api/stats", [](SearchContext& c, const Request& r, std::string_view) { return stats(c, r); }, true},
    {"/api/export", [](SearchContext& c, const Request& r, std::string_view) { return export_letters(c, r); }},
    {"/api/feed", [](SearchContext& c, const Request& r, std::string_view) { return feed(c, r); }},
    {"/api/health", [](SearchContext& c, const Request&, std::string_view) { return health(c); }},
    {"/api/openapi.json", [](SearchContext&, const Request&, std::string_view) { return openapi(); }},
}};

// The argument when path matches the route's pattern.
std::optional<std::string_view> match(std::string_view pattern, std::string_view path) {
  const std::size_t brace = pattern.find('{');
  if (brace == std::string_view::npos) return pattern == path ? std::optional(std::string_view()) : std::nullopt;
  const std::string_view fixed = pattern.substr(0, brace);
  if (!path.starts_with(fixed)) return std::nullopt;
  const std::string_view argument = path.substr(fixed.size());
  if (argument.empty() || argument.find('/') != std::string_view::npos) return std::nullopt;
  return argument;
}

std::string route_list() { return text::join(kRoutes, ", ", &Route::path); }

// Which revision of which index db() reads, as "uuid revision" per database
// (each shard of a sharded one); none for a backend without revisions (in
// memory), whose answers are then not cached.
std::optional<std::string> version_key(SearchContext& ctx) {
  const std::optional<IndexVersion> version = version_of(ctx.db(), ctx.shards());
  if (!version) return std::nullopt;
  std::string key;
  for (std::size_t i = 0; i < version->uuids.size(); ++i)
    key += version->uuids[i] + ' ' + std::to_string(version->revisions[i]) + ' ';
  return key;
}

// The route's answer, from the response cache when the same request was
// answered at this revision of the index (respond() has just reopened it).
Response answer(SearchContext& ctx, const Route& r, std::string_view path, const Request& request,
                std::string_view argument) {
  ResponseCache* cache = r.cacheable ? ctx.response_cache() : nullptr;
  const std::optional<std::string> version = cache ? version_key(ctx) : std::nullopt;
  if (!version) return r.handle(ctx, request, argument);
  const auto start = std::chrono::steady_clock::now();
  const std::string key = ResponseCache::key_of(*version, 0, path, request);  // the revisions are in version
  if (std::optional<nlohmann::json> body = cache->find(key)) {
    if (body->contains("took_ms")) (*body)["took_ms"] = milliseconds_since(start);
    (*body)["cached"] = true;
    return Response{200, std::move(*body)};
  }
  Response fresh = r.handle(ctx, request, argument);
  if (fresh.status != 200) return fresh;
  fresh.body["cached"] = false;
  cache->store(key, fresh.body);
  return fresh;
}

}  // namespace

std::span<const Route> routes() { return kRoutes; }

Response route(SearchContext& ctx, std::string_view path, const Request& request) {
  for (const Route& r : kRoutes)
    if (const auto argument = match(r.path, path))
      return respond(ctx, [&] { return answer(ctx, r, path, request, *argument); });
  return error_response(404, "no API endpoint " + std::string(path) + " (the endpoints are " + route_list() + ")");
}

}  // namespace imr::searcher
