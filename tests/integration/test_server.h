// A server over letters freshly indexed into a temp folder, for the
// integration tests: the real imr-index and imr-search, asked through
// httplib's client.
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

// Letters indexed by the real imr-index into dir/index, served by the real
// imr-search on a free port until destruction. dir is emptied first and removed after.
class TestServer {
 public:
  TestServer(fs::path dir, const std::vector<fs::path>& letters) : dir_(std::move(dir)), port_(free_port()) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::vector<std::string> index_args{binary("imr-index"), "--db", index_dir().string()};
    for (const fs::path& p : letters) index_args.push_back(p.string());
    index_status_ = run(index_args, dir_ / "index.log");
    pid_ = spawn({binary("imr-search"), "--db", index_dir().string(), "--port",
                  std::to_string(port_), "--host", "127.0.0.1"},
                 dir_ / "server.log");
    for (int i = 0; i < 100 && !client().Get("/api/health"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ~TestServer() {
    kill(pid_, SIGTERM);
    wait_exit(pid_);
    fs::remove_all(dir_);
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_connection_timeout(2);
    c.set_read_timeout(30);
    return c;
  }
  int index_status() const { return index_status_; }
  const fs::path& dir() const { return dir_; }
  fs::path index_dir() const { return dir_ / "index"; }

  nlohmann::json get_json(const std::string& path, int expected_status = 200) const {
    auto res = client().Get(path);
    REQUIRE(res);
    CAPTURE(path);
    CAPTURE(res->body.substr(0, 2000));
    CHECK(res->status == expected_status);
    CHECK(res->get_header_value("Content-Type").starts_with("application/json"));
    return nlohmann::json::parse(res->body);
  }

 private:
  fs::path dir_;
  int port_;
  int index_status_ = -1;
  pid_t pid_ = 0;
};

}  // namespace imr::test
