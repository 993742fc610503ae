// End to end: the real imr-index indexes corpus/seeds into a temp folder, the
// real imr-search serves it on a free port, and httplib's client asks.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using imr::testing::free_port;
using imr::testing::spawn;
using imr::testing::wait_exit;

// The indexed seeds and a running server, shared by every test case.
class Server {
 public:
  Server() : dir_(fs::temp_directory_path() / ("imr-integration-" + std::to_string(getpid()))), port_(free_port()) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const fs::path build = IMR_BUILD_DIR;
    index_status_ = wait_exit(spawn({(build / "imr-index").string(), "--db", (dir_ / "index").string(),
                                     (fs::path(IMR_SOURCE_DIR) / "corpus" / "seeds").string()},
                                    dir_ / "index.log"));
    pid_ = spawn({(build / "imr-search").string(), "--db", (dir_ / "index").string(), "--port", std::to_string(port_),
                  "--host", "127.0.0.1"},
                 dir_ / "server.log");
    for (int i = 0; i < 100 && !client().Get("/api/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ~Server() {
    kill(pid_, SIGTERM);
    stopped_cleanly_ = wait_exit(pid_) == 0;
    fs::remove_all(dir_);
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2);
    c.set_read_timeout(10);
    return c;
  }
  int index_status() const { return index_status_; }

  json get_json(const std::string& path, int expected_status = 200) const {
    auto res = client().Get(path);
    REQUIRE(res);
    CAPTURE(path);
    CAPTURE(res->body);
    CHECK(res->status == expected_status);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    return json::parse(res->body);
  }

 private:
  fs::path dir_;
  int port_;
  int index_status_ = -1;
  pid_t pid_ = 0;
  bool stopped_cleanly_ = false;
};

const Server& server() {
  static const Server s;
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

TEST_CASE("doc: a case number gives the record and its marked text; unknown is 404") {
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
    if (!res) continue;  // refusing the connection is refusing too
    CHECK(res->status != 200);
    CHECK(res->body.find("cmake_minimum_required") == std::string::npos);
  }
}
