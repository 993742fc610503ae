// End to end: the real imr-index indexes corpus/seeds into a temp folder, the
// real imr-search serves it on a free port, and httplib's client asks.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "test_server.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The indexed seeds and a running server, shared by every test case.
const imr::test::TestServer& server() {
  static const imr::test::TestServer s(fs::temp_directory_path() / ("imr-integration-" + std::to_string(getpid())),
                                       {fs::path(IMR_SOURCE_DIR) / "corpus" / "seeds"});
  return s;
}

int facet_count(const json& facets, const std::string& facet, const std::string& value) {
  for (const json& v : facets[facet])
    if (v["value"] == value) return v["count"];
  return 0;
}

}  // namespace

TEST_CASE("the seeds are indexed and the server is up") {
  CHECK(server().index_status() == 0);
  const json health = server().get_json("/api/health");
  CHECK(health["status"] == "ok");
  CHECK(health["documents"] == 5);
}

TEST_CASE("search: carisoprodol finds every seed with exact facets and marked snippets") {
  const json res = server().get_json("/api/search?q=carisoprodol");
  CHECK(res["total"] == 5);
  CHECK(facet_count(res["facets"], "decision", "upheld") == 5);
  CHECK(facet_count(res["facets"], "decision", "overturned") == 1);
  CHECK(facet_count(res["facets"], "drug", "carisoprodol") == 5);
  REQUIRE(res["hits"].size() == 5);
  for (const json& hit : res["hits"]) CHECK(hit["snippet"].get<std::string>().find("<mark>") != std::string::npos);
  CHECK(server().get_json("/api/search?q=carisoprodol&filter=decision:overturned")["total"] == 1);
}

TEST_CASE("search with per_page 0 answers the total and facets of a page and no hits") {
  const json page = server().get_json("/api/search?q=carisoprodol&filter=decision:upheld");
  const json counts = server().get_json("/api/search?q=carisoprodol&filter=decision:upheld&per_page=0");
  REQUIRE(page["hits"].size() > 0);
  CHECK(counts["hits"].empty());
  CHECK(counts["per_page"] == 0);
  CHECK(counts["total"] == page["total"]);
  CHECK(counts["facets"] == page["facets"]);
  CHECK(server().get_json("/api/similar/CM14-0039927?per_page=0", 400)["error"].is_string());
}

TEST_CASE("doc: a case number gives the record and its marked text - unknown is 404") {
  const json doc = server().get_json("/api/doc/CM14-0039927?q=soma");
  CHECK(doc["case_number"] == "CM14-0039927");
  CHECK(doc["items"].size() == 1);
  CHECK(doc["html"].get<std::string>().find("<mark>") != std::string::npos);
  CHECK(server().get_json("/api/doc/CM00-0000000", 404).contains("error"));
}

TEST_CASE("bad input is a 400 with a reason, unknown API paths a 404") {
  CHECK(server().get_json("/api/search?q=%22soma", 400)["error"].is_string());
  CHECK(server().get_json("/api/search?per_page=1000", 400)["error"].is_string());
  CHECK(server().get_json("/api/search?filter=colour:red", 400)["error"].is_string());
  CHECK(server().get_json("/api/stats?by=colour", 400)["error"].is_string());
  CHECK(server().get_json("/api/nothing", 404)["error"].is_string());
}

TEST_CASE("stats by drug") {
  const json stats = server().get_json("/api/stats?by=drug");
  REQUIRE_FALSE(stats["rows"].empty());
  CHECK(stats["rows"][0]["value"] == "carisoprodol");
  CHECK(stats["rows"][0]["items"] == 5);
  CHECK(stats["rows"][0]["upheld"] == 5);
  CHECK(stats["rows"][0]["overturned"] == 0);
  // The one overturned item of the seeds is physical therapy, in letter 001.
  const json by_category = server().get_json("/api/stats?by=category&filter=decision:overturned");
  REQUIRE(by_category["rows"].size() == 1);
  CHECK(by_category["rows"][0]["value"] == "physical_therapy");
  CHECK(by_category["rows"][0]["overturn_rate"] == 1.0);
}

TEST_CASE("the page's files come gzipped to a browser, which also accepts Brotli") {
  // httplib's Brotli runs at its slowest setting: 50 ms for the script alone.
  for (const char* accepts : {"gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "gzip"}) {
    CAPTURE(accepts);
    auto c = server().client();
    c.set_decompress(false);
    auto script = c.Get("/app.js", {{"Accept-Encoding", accepts}});
    REQUIRE(script);
    CHECK(script->status == 200);
    CHECK(script->get_header_value("Content-Encoding") == "gzip");
  }
  auto c = server().client();
  c.set_decompress(false);
  auto plain = c.Get("/app.js", {{"Accept-Encoding", "br"}});
  REQUIRE(plain);
  CHECK(plain->get_header_value("Content-Encoding").empty());
  CHECK(plain->body.find("function") != std::string::npos);
}

// A browser keeps the page's scripts, styles and icon for a while and checks
// the page itself each time; a file it holds is answered 304 without a body.
TEST_CASE("the page's files carry a validator and a caching rule and are answered 304 when unchanged") {
  auto c = server().client();
  c.set_keep_alive(true);
  auto script = c.Get("/app.js");
  REQUIRE(script);
  CHECK(script->status == 200);
  CHECK(script->get_header_value("Cache-Control") == "max-age=300");
  // A connection serves many requests (httplib's default closes it after 5).
  CHECK(script->get_header_value("Keep-Alive").ends_with("max=100"));
  const std::string tag = script->get_header_value("ETag");
  CAPTURE(tag);
  CHECK(tag.starts_with("W/\""));
  CHECK(server().client().Get("/favicon.svg")->get_header_value("Cache-Control") == "max-age=300");
  for (const char* path : {"/", "/index.html", "/site.json"}) {
    CAPTURE(path);
    CHECK(server().client().Get(path)->get_header_value("Cache-Control") == "no-cache");
  }
  CHECK(server().client().Get("/style.css")->get_header_value("ETag") != tag);

  for (const std::string& held : {tag, tag.substr(2), "\"other\", " + tag, std::string("*")}) {
    CAPTURE(held);
    auto again = server().client().Get("/app.js", {{"If-None-Match", held}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == tag);
  }
  auto changed = server().client().Get("/app.js", {{"If-None-Match", "W/\"0000000000000000-1\""}});
  REQUIRE(changed);
  CHECK(changed->status == 200);
  CHECK(changed->body == script->body);
}

TEST_CASE("the page is served with security headers, never a file outside web/") {
  auto page = server().client().Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Security-Policy") == "default-src 'self'");
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(page->get_header_value("Referrer-Policy") == "no-referrer");
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt", "/..%2fCMakeLists.txt",
                           "/%2e%2e%2f%2e%2e%2fetc/passwd", "/.%2e/CMakeLists.txt"}) {
    CAPTURE(path);
    auto res = server().client().Get(path);
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(res->body.find("cmake_minimum_required") == std::string::npos);
  }
}
