// /api/openapi.json stays true: every route is described, every described
// path answers through the router, and real answers have the documented fields.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "collector_letters.h"
#include "imr/api/handlers.h"
#include "imr/api/router.h"
#include "imr/query/query_limits.h"
#include "openapi_check.h"

namespace {

using namespace imr;
using nlohmann::json;

struct Api {
  test::LetterIndex index = test::make_index(25);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};

  searcher::Response get(const std::string& path,
                         std::initializer_list<std::pair<const std::string, std::string>> params = {}) {
    searcher::Request r;
    r.params.insert(params.begin(), params.end());
    return searcher::route(ctx, path, r);
  }
};

// The path with its {key} filled in with a letter that exists.
std::string concrete(const std::string& path, const std::string& key) {
  const auto brace = path.find('{');
  return brace == std::string::npos ? path : path.substr(0, brace) + key;
}

void check_conforms(const json& spec, const std::string& path, const searcher::Response& res) {
  CAPTURE(path);
  CAPTURE(res.body.dump().substr(0, 400));
  const std::string type = res.content_type.empty() ? "application/json" : res.content_type;
  for (const std::string& problem : test::response_problems(spec, path, res.status, res.body, type))
    FAIL_CHECK(problem);
}

}  // namespace

TEST_CASE("api: the OpenAPI document describes exactly the routes the router answers") {
  Api api;
  const searcher::Response doc = api.get("/api/openapi.json");
  REQUIRE(doc.status == 200);
  const json& spec = doc.body;
  CHECK(spec["openapi"].get<std::string>().starts_with("3."));
  std::set<std::string> described;
  for (const auto& [path, item] : spec["paths"].items()) described.insert(path);
  std::set<std::string> routed;
  for (const searcher::Route& r : searcher::routes()) routed.insert(std::string(r.path));
  CHECK(described == routed);

  const std::string key = *api.index.records[4].case_number;
  for (const std::string& path : described) {
    const searcher::Response res = api.get(concrete(path, key));
    CHECK(res.status == 200);
    check_conforms(spec, path, res);
  }
}

TEST_CASE("api: every $ref of the OpenAPI document resolves") {
  Api api;
  const json spec = api.get("/api/openapi.json").body;
  std::size_t refs = 0;
  const std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object() && j.contains("$ref")) {
      ++refs;
      CHECK_NOTHROW(test::resolved(spec, j));
    }
    if (j.is_structured())
      for (const auto& sub : j) walk(sub);
  };
  walk(spec);
  CHECK(refs > 20);
}

TEST_CASE("api: real answers, errors included, have the documented fields") {
  Api api;
  const json spec = api.get("/api/openapi.json").body;
  const std::string key = *api.index.records[2].case_number;
  check_conforms(spec, "/api/search", api.get("/api/search", {{"q", "carisoprodol"}, {"filter", "decision:upheld"}}));
  check_conforms(spec, "/api/search", api.get("/api/search", {{"q", "gabapenten"}}));
  check_conforms(spec, "/api/search", api.get("/api/search", {{"q", "(unclosed"}}));
  check_conforms(spec, "/api/doc/{key}", api.get("/api/doc/" + key, {{"q", "alpha"}}));
  check_conforms(spec, "/api/doc/{key}", api.get("/api/doc/CM00-0000000"));
  check_conforms(spec, "/api/similar/{key}", api.get("/api/similar/" + key, {{"per_page", "3"}}));
  check_conforms(spec, "/api/similar/{key}", api.get("/api/similar/CM00-0000000"));
  check_conforms(spec, "/api/similar/{key}", api.get("/api/similar/" + key, {{"page", "0"}}));
  check_conforms(spec, "/api/stats", api.get("/api/stats", {{"by", "guideline"}}));
  check_conforms(spec, "/api/stats", api.get("/api/stats", {{"by", "colour"}}));
  check_conforms(spec, "/api/stats", api.get("/api/stats", {{"by", "drug"}, {"then", "decision_month"}}));
  check_conforms(spec, "/api/stats", api.get("/api/stats", {{"by", "drug"}, {"then", "colour"}}));
  check_conforms(spec, "/api/export", api.get("/api/export", {{"format", "jsonl"}}));
  check_conforms(spec, "/api/export", api.get("/api/export", {{"format", "xml"}}));
  check_conforms(spec, "/api/export", api.get("/api/export", {{"filter", "colour:red"}}));
  check_conforms(spec, "/api/feed", api.get("/api/feed", {{"q", "alpha"}}));
  check_conforms(spec, "/api/feed", api.get("/api/feed", {{"q", "(unclosed"}}));
  CHECK(api.get("/api/nothing").status == 404);
  CHECK(api.get("/api/doc/").status == 404);
  CHECK(api.get("/api/doc/a/b").status == 404);
}

TEST_CASE("api: the OpenAPI document states the limits of the one limits table") {
  const json& spec = searcher::openapi_document();
  const json& params = spec["components"]["parameters"];
  CHECK(params["q"]["schema"]["maxLength"] == searcher::limit::query_bytes);
  CHECK(params["filter"]["schema"]["maxItems"] == searcher::limit::filters);
  CHECK(params["page"]["schema"]["maximum"] == searcher::limit::page);
  CHECK(params["per_page"]["schema"]["maximum"] == searcher::limit::per_page);
}

TEST_CASE("api: a request past a documented limit is a 400 naming the limit") {
  Api api;
  const auto status_of = [&](std::initializer_list<std::pair<const std::string, std::string>> params) {
    return api.get("/api/search", params);
  };
  const searcher::Response long_query = status_of({{"q", std::string(searcher::limit::query_bytes + 1, 'a')}});
  CHECK(long_query.status == 400);
  CHECK(long_query.body["error"].get<std::string>().find(std::to_string(searcher::limit::query_bytes)) !=
        std::string::npos);
  CHECK(status_of({{"q", std::string(searcher::limit::query_bytes, 'a')}}).status == 200);
  CHECK(status_of({{"per_page", std::to_string(searcher::limit::per_page + 1)}}).status == 400);
  CHECK(status_of({{"per_page", std::to_string(searcher::limit::per_page)}}).status == 200);
  CHECK(status_of({{"page", std::to_string(searcher::limit::page + 1)}}).status == 400);
  searcher::Request many_filters;
  for (std::size_t i = 0; i <= searcher::limit::filters; ++i) many_filters.params.emplace("filter", "drug:tramadol");
  CHECK(searcher::route(api.ctx, "/api/search", many_filters).status == 400);
}
