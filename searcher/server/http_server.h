// The HTTP side of imr-search: routes /api/* to the handlers and everything
// else to the web folder, adds the security headers, logs every request and
// keeps anything a client sends from producing a 500.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "imr/api/search_context.h"

namespace imr::searcher {

struct ServerOptions {
  std::filesystem::path index_dir = "data/index";
  std::filesystem::path web_dir;
  std::string host = "127.0.0.1";
  int port = 8080;                      // 0: any free port
  std::size_t concurrent_searches = 0;  // searches running at once; 0: one per core
  // How long one admitted search may run before it is answered 503.
  std::chrono::milliseconds time_budget = kQueryBudget;
  // Search and stats answers kept for repeats at the same index revision (0: none).
  std::size_t cached_answers = 256;
  // Broad matches (phrases over most letters) kept per index revision for later counts (0: none).
  std::size_t kept_matches = kKeptMatches;
  // Where people reach the server ("https://imr.example.org"), for the feed's links; empty: the request's Host.
  std::string public_url;
};

class HttpServer {
 public:
  // Throws std::runtime_error when the index cannot be opened.
  explicit HttpServer(const ServerOptions& options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, prints "listening on http://HOST:PORT", and serves until stop().
  // Throws std::runtime_error when the address cannot be bound.
  void run();
  // Safe from any thread; run() returns once in-flight requests are done.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace imr::searcher
