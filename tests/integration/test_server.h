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

  // SIGTERM; the exit status.
  int stop() {
    kill(pid_, SIGTERM);
    const int status = wait_exit(pid_);
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

// Letters indexed by the real imr-index into dir/index, served until
// destruction. dir is emptied first and removed after.
class TestServer {
 public:
  TestServer(fs::path dir, const std::vector<fs::path>& letters)
      : dir_(prepared(std::move(dir))), index_status_(index(dir_, letters)), server_(index_dir(), dir_ / "server.log") {}
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
