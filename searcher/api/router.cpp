// route(): the table of API routes and the lookup in it.
#include "imr/api/router.h"

#include <array>
#include <optional>
#include <string>

#include "imr/api/handlers.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

const std::array<Route, 6> kRoutes{{
    {"/api/search", [](SearchContext& c, const Request& r, std::string_view) { return search(c, r); }},
    {"/api/doc/{key}", [](SearchContext& c, const Request& r, std::string_view key) { return document(c, r, key); }},
    {"/api/similar/{key}", [](SearchContext& c, const Request& r, std::string_view key) { return similar(c, r, key); }},
    {"/api/stats", [](SearchContext& c, const Request& r, std::string_view) { return stats(c, r); }},
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

}  // namespace

std::span<const Route> routes() { return kRoutes; }

Response route(SearchContext& ctx, std::string_view path, const Request& request) {
  for (const Route& r : kRoutes)
    if (const auto argument = match(r.path, path))
      return respond(ctx, [&] { return r.handle(ctx, request, *argument); });
  return error_response(404, "no API endpoint " + std::string(path) + " (the endpoints are " + route_list() + ")");
}

}  // namespace imr::searcher
