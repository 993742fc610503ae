// imr-search: serves the search page and the JSON API over an index.
//
//   imr-search [--db DIR] [--port N] [--host H] [--web DIR] [--searches N] [--time-budget MS] [--cache N]
//              [--public-url URL]
#include <cstdio>
#include <exception>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "http_server.h"
#include "shutdown_signals.h"

namespace {

// An installed binary (PREFIX/bin) serves PREFIX/share/imrsearch/web, as the
// Debian package lays it out; one in the build folder serves the source tree's.
std::filesystem::path default_web_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed = exe.parent_path().parent_path() / "share/imrsearch/web";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return IMR_WEB_DIR;
}

}  // namespace

int main(int argc, char** argv) {
  imr::searcher::ServerOptions options;
  options.web_dir = default_web_dir();
  std::string db = options.index_dir.string();
  std::string web = options.web_dir.string();

  CLI::App app{"imr-search: serve the IMR letter search page and API"};
  app.add_option("--db", db, "index folder (made by imr-index)")->capture_default_str();
  app.add_option("--port", options.port, "port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--host", options.host, "address to listen on")->capture_default_str();
  app.add_option("--web", web, "folder of the web page")->capture_default_str();
  app.add_option("--searches", options.concurrent_searches,
                 "searches running at once, the others queue (0: one per core)")
      ->capture_default_str();
  long budget_ms = options.time_budget.count();
  app.add_option("--time-budget", budget_ms, "milliseconds one search may run before it is answered 503")
      ->check(CLI::Range(1L, 600000L))
      ->capture_default_str();
  app.add_option("--cache", options.cached_answers,
                 "search and stats answers kept for repeats while the index is unchanged (0: none)")
      ->capture_default_str();
  app.add_option("--match-cache", options.kept_matches,
                 "broad queries' matching letters kept per index revision, so a facet click or another page of "
                 "the same words counts without checking every letter again (0: none)")
      ->capture_default_str();
  app.add_option("--public-url", options.public_url,
                 "the address people reach this server at, for the links of /api/feed (default: the request's Host)");
  CLI11_PARSE(app, argc, argv);
  while (options.public_url.ends_with('/')) options.public_url.pop_back();
  options.time_budget = std::chrono::milliseconds(budget_ms);
  options.index_dir = db;
  options.web_dir = web;

  imr::searcher::ShutdownSignals signals;  // before any thread starts
  try {
    imr::searcher::HttpServer server(options);
    signals.start([&server] { server.stop(); });
    server.run();
    signals.finish();  // the signal's thread may still be inside server.stop()
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  std::fprintf(stderr, "stopped\n");
  return 0;
}
