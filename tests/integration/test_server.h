// Servers for the integration tests: the real imr-search over an index
// (SearchServer), and letters freshly indexed by the real imr-index into a
// temp folder and served (TestServer). Asked through httplib's client.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process.h"

namespace imr::test {

namespace fs = std::filesystem;
using testing::binary;
using testing::free_port;
using testing::run;
using testing::spawn;
using testing::wait_exit;

// A running imr-search over an index, logging to log; SIGTERM when it goes
// out of scope (or at stop()).
class SearchServer {
 public:
  SearchServer(const fs::path& index, const fs::path& log, std::vector<std::string> extra = {"--host", "127.0.0.1"})
      : port_(free_port()), log_(log) {
    std::vector<std::string> args{binary("imr-search"), "--db", index.string(), "--port", std::to_string(port_)};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn(args, log);
    for (int i = 0; i < 100 && !client().Get("/api/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~SearchServer() {
    if (pid_ > 0) stop();
  }
  SearchServer(const SearchServer&) = delete;
  SearchServer& operator=(const SearchServer&) = delete;

  // Sends sig (SIGTERM, SIGINT); the exit status, or testing::kDidNotExit
  // when the server was still running a minute later.
  int stop(int sig = SIGTERM) {
    kill(pid_, sig);
    const int status = testing::wait_exit_within(pid_, std::chrono::seconds(60));
    pid_ = 0;
    return status;
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2);
    c.set_read_timeout(30);
    return c;
  }
  int port() const { return port_; }
  std::string log() const { return testing::read_text(log_); }

  // The JSON answer to a GET, checking its status and content type.
  nlohmann::json get_json(const std::string& path, int expected_status = 200) const {
    auto res = client().Get(path);
    REQUIRE(res);
    CAPTURE(path);
    CAPTURE(res->body.substr(0, 2000));
    CHECK(res->status == expected_status);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    return nlohmann::json::parse(res->body);
  }
  nlohmann::json::number_unsigned_t documents() const { return get_json("/api/health")["documents"]; }

 private:
  int port_;
  fs::path log_;
  pid_t pid_ = 0;
};

// count letters made by imr-generate (seed: which ones) into dir/letters,
// indexed by imr-index into dir/index; that index.
inline fs::path generated_index(const fs::path& dir, int count, int seed) {
  const fs::path letters = dir / "generated";
  REQUIRE(run({binary("imr-generate"), "--letters", std::to_string(count), "--out", letters.string(), "--seed",
               std::to_string(seed)},
              dir / "generate.log") == 0);
  REQUIRE(run({binary("imr-index"), "--db", (dir / "index").string(), (letters / "letters").string()},
              dir / "index.log") == 0);
  return dir / "index";
}

// Letters indexed by the real imr-index into dir/index, served until
// destruction. dir is emptied first and removed after.
class TestServer {
 public:
  TestServer(fs::path dir, const std::vector<fs::path>& letters)
      : dir_(prepared(std::move(dir))),
        index_status_(index(dir_, letters)),
        server_(index_dir(), dir_ / "server.log") {}
  ~TestServer() {
    server_.stop();
    fs::remove_all(dir_);
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Client client() const { return server_.client(); }
  nlohmann::json get_json(const std::string& path, int expected_status = 200) const {
    return server_.get_json(path, expected_status);
  }
  int index_status() const { return index_status_; }
  const fs::path& dir() const { return dir_; }
  fs::path index_dir() const { return dir_ / "index"; }

 private:
  static fs::path prepared(fs::path dir) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
  }
  static int index(const fs::path& dir, const std::vector<fs::path>& letters) {
    std::vector<std::string> args{binary("imr-index"), "--db", (dir / "index").string()};
    for (const fs::path& p : letters) args.push_back(p.string());
    return run(args, dir / "index.log");
  }

  fs::path dir_;
  int index_status_;
  SearchServer server_;
};

}  // namespace imr::test
