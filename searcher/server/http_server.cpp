// HttpServer: cpp-httplib wiring. Every GET goes through one dispatcher so
// that routing, error shaping and timing live in one place.
#include "http_server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <httplib.h>

#include "admission_gate.h"
#include "context_pool.h"
#include "imr/api/handlers.h"
#include "imr/api/router.h"
#include "imr/schema/text.h"
#include "imr/schema/vocabulary.h"
#include "static_files.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kMaxPayloadBytes = 64 * 1024;
// httplib bounds each header line (8 KB) but not their sum or number.
constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxHeaderCount = 64;
// Enough workers that 64 keep-alive clients are not queued behind each other;
// each holds its own index handle, so not unbounded either.
constexpr std::size_t kWorkerThreads = 64;
constexpr const char* kJsonType = "application/json; charset=utf-8";
// How long a search may queue for a free core before a 503 "busy"; the
// clients of a busy server would rather wait than get an error.
constexpr std::chrono::milliseconds kMaxQueueWait{10000};
// cpp-httplib 0.11 listens with a backlog of 5: a burst of more new clients
// than that waits a second for a SYN retry, or is refused when the server
// stops meanwhile. The kernel caps this at net.core.somaxconn.
constexpr int kListenBacklog = 1024;
// A stop waits for every worker, and a worker holding an idle keep-alive
// connection only looks at the stop between requests: this bounds how long
// SIGTERM takes (httplib's default is 5 s). Proxies in front keep their idle
// upstream connections for less (scripts/deploy/nginx-imrsearch.conf).
constexpr time_t kKeepAliveSeconds = 2;
// httplib closes a connection after 5 requests by default: the page's next
// interaction then waits for a new connection (and a worker to take it).
constexpr std::size_t kKeepAliveRequests = 100;

void send(httplib::Response& res, const Response& r) {
  res.status = r.status;
  // A client's invalid UTF-8 echoed in an error message must not make dump() throw.
  res.set_content(r.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonType);
}

// A Host header fit to be put in a link: a name or address and a port, nothing else.
bool plain_host(std::string_view host) {
  return !host.empty() && host.size() <= 255 && std::ranges::all_of(host, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
}

// Links out of an answer point at --public-url, else at the host the client asked.
std::string base_url(const httplib::Request& req, const std::string& public_url) {
  if (!public_url.empty()) return public_url;
  const std::string host = req.get_header_value("Host");
  if (plain_host(host)) return "http://" + host;
  return "http://" + req.local_addr + ":" + std::to_string(req.local_port);
}

Request to_request(const httplib::Request& req, const std::string& public_url) {
  Request r;
  r.params.insert(req.params.begin(), req.params.end());
  r.base_url = base_url(req, public_url);
  return r;
}

// /api/health stays outside the gate: a monitor must see a busy server alive.
Response route_api(ContextPool& pool, AdmissionGate& gate, const httplib::Request& req, const std::string& public_url) {
  const bool queues = req.path != "/api/health";
  const std::optional<AdmissionGate::Ticket> ticket = queues ? std::optional(gate.enter()) : std::nullopt;
  if (ticket && !*ticket)
    return error_response(503, "the server is busy: no search slot came free within " +
                                   std::to_string(gate.max_wait().count() / 1000) + " s; try again shortly");
  return route(pool.for_this_thread(), req.path, to_request(req, public_url));
}

// A streamed body's pieces are made one at a time, each through the gate like
// a search, so a long export shares the cores with the searches arriving
// meanwhile instead of holding a slot for its whole length. A piece that
// cannot be made (busy too long, the index changed under it) cuts the
// stream: the client sees a chunked body without its end, never a short file
// that looks whole.
httplib::ContentProviderWithoutLength chunk_provider(std::function<bool(std::string&)> next_chunk,
                                                     AdmissionGate& gate) {
  return [next_chunk = std::move(next_chunk), &gate](std::size_t, httplib::DataSink& sink) {
    std::string chunk;
    bool more = false;
    try {
      const AdmissionGate::Ticket ticket = gate.enter();
      if (!ticket) return false;
      more = next_chunk(chunk);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "a streamed answer was cut: %s\n", e.what());
      return false;
    }
    if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
    if (!more) sink.done();
    return true;
  };
}

// Debian's cpp-httplib is built with Brotli and picks it whenever a client
// accepts "br" (every browser does), at Brotli's slowest setting: 50 ms for
// the page's script, against 2 ms with gzip. The request is httplib's own
// object, only handed over as const; without "br" among what it accepts,
// httplib answers with gzip.
void accept_no_brotli(const httplib::Request& req) {
  auto& headers = const_cast<httplib::Request&>(req).headers;
  const auto [first, last] = headers.equal_range("Accept-Encoding");
  for (auto it = first; it != last; ++it) {
    std::string kept;
    std::istringstream codings(it->second);
    for (std::string coding; std::getline(codings, coding, ',');) {
      const std::size_t name_start = coding.find_first_not_of(" \t");
      if (name_start == std::string::npos) continue;
      const std::string name = coding.substr(name_start, coding.find_first_of(" \t;", name_start) - name_start);
      if (name == "br") continue;
      kept += (kept.empty() ? "" : ",") + coding;
    }
    it->second = kept;
  }
}

// JSON, a whole text, or a stream.
void send_answer(httplib::Response& res, Response r, AdmissionGate& gate) {
  if (r.content_type.empty()) return send(res, r);
  res.status = r.status;
  for (const auto& [name, value] : r.headers) res.set_header(name, value);
  if (r.next_chunk)
    res.set_chunked_content_provider(r.content_type, chunk_provider(std::move(r.next_chunk), gate));
  else
    res.set_content(std::move(r.text), r.content_type);
}

// A file the browser already holds (its If-None-Match names the tag) is
// answered 304 without a body; either way with the tag and the caching rule.
void send_file(const httplib::Request& req, httplib::Response& res, StaticFile file) {
  res.set_header("ETag", file.etag);
  res.set_header("Cache-Control", file.cache_control);
  if (etag_matches(req.get_header_value("If-None-Match"), file.etag))
    res.status = 304;
  else
    res.set_content(std::move(file.content), file.content_type);
}

std::size_t search_slots(std::size_t wanted) {
  return wanted > 0 ? wanted : std::max(1u, std::thread::hardware_concurrency());
}

// A log value in double quotes: control characters, quotes and backslashes
// from a client must not forge log lines or fields.
std::string log_value(std::string_view s) {
  std::string out = "\"";
  for (const char c : s.substr(0, 300)) {
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    out += control ? '?' : c;
    if (c == '"' || c == '\\') out.insert(out.size() - 1, 1, '\\');
  }
  return out + '"';
}

// One key=value line per request, for grep and log shippers alike; a failed
// request carries its answer, so an operator reads why without reproducing it.
void log_request(const httplib::Request& req, const httplib::Response& res) {
  const std::string timing = res.get_header_value("Server-Timing");
  const std::string ms = timing.starts_with("app;dur=") ? timing.substr(8) : "-";
  const std::string answer = res.status >= 500 ? " answer=" + log_value(res.body) : "";
  std::fprintf(stderr, "time=%s remote=%s method=%s path=%s query_bytes=%zu status=%d bytes=%zu ms=%s%s\n",
               text::utc_timestamp(std::time(nullptr)).c_str(), log_value(req.remote_addr).c_str(),
               log_value(req.method).c_str(), log_value(req.path).c_str(),
               req.target.size() - std::min(req.target.size(), req.path.size()), res.status, res.body.size(),
               ms.c_str(), answer.c_str());
}

bool headers_too_large(const httplib::Request& req) {
  std::size_t bytes = 0;
  for (const auto& [name, value] : req.headers) bytes += name.size() + value.size() + 4;
  return bytes > kMaxHeaderBytes || req.headers.size() > kMaxHeaderCount;
}

// For errors httplib answers itself (malformed requests, oversized bodies).
std::string status_reason(int status) {
  switch (status) {
    case 400:
      return "the request is malformed";
    case 404:
      return "not found";
    case 413:
      return "the request body is too large (at most 64 KB)";
    case 414:
      return "the URL is too long (at most 8 KB)";
    case 431:
      return "the request headers are too large (at most 16 KB in 64 headers)";
    default:
      return "the request failed with status " + std::to_string(status);
  }
}

httplib::Headers security_headers() {
  return {{"Content-Security-Policy", "default-src 'self'"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"}};
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  ContextPool pool;
  AdmissionGate gate;
  StaticFiles files;
  httplib::Server server;
  socket_t listening_socket = INVALID_SOCKET;

  explicit Impl(const ServerOptions& o)
      : options(o),
        pool(o.index_dir, schema::Vocabulary::builtin(), o.time_budget,
             std::make_shared<ResponseCache>(o.cached_answers), o.kept_matches),
        gate(search_slots(o.concurrent_searches), kMaxQueueWait),
        files(o.web_dir) {
    pool.for_this_thread();  // fails now, with the reason, when there is no index
    configure();
  }

  void dispatch(const httplib::Request& req, httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    try {
      if (req.path == "/api" || req.path.starts_with("/api/")) {
        send_answer(res, route_api(pool, gate, req, options.public_url), gate);
        if (res.status == 503) res.set_header("Retry-After", "1");
      } else if (auto file = files.get(req.path)) {
        send_file(req, res, std::move(*file));
      } else {
        res.status = 404;
        res.set_content("not found\n", "text/plain; charset=utf-8");
      }
    } catch (const std::exception& e) {
      send(res, error_response(503, std::string("the server cannot answer right now: ") + e.what()));
    }
    const std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
    char duration[32];
    std::snprintf(duration, sizeof duration, "app;dur=%.1f", ms.count());
    res.set_header("Server-Timing", duration);
  }

  void configure() {
    server.set_payload_max_length(kMaxPayloadBytes);
    // Headers and body go out in separate writes; with Nagle on, a keep-alive
    // client waits out the 40 ms delayed ACK on every answer.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(kKeepAliveSeconds);
    server.set_keep_alive_max_count(kKeepAliveRequests);
    server.set_socket_options([this](socket_t sock) {
      httplib::default_socket_options(sock);
      listening_socket = sock;  // the last one made is the one bound
    });
    server.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    server.set_default_headers(security_headers());
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      accept_no_brotli(req);
      if (!headers_too_large(req)) return httplib::Server::HandlerResponse::Unhandled;
      send(res, error_response(431, status_reason(431)));
      return httplib::Server::HandlerResponse::Handled;
    });
    server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); });
    const auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
      send(res, error_response(405, "only GET requests are served"));
    };
    server.Post(".*", not_allowed);
    server.Put(".*", not_allowed);
    server.Patch(".*", not_allowed);
    server.Delete(".*", not_allowed);
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) send(res, error_response(res.status, status_reason(res.status)));
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      send(res, error_response(503, "the server cannot answer right now"));
    });
    server.set_logger(log_request);
  }
};

HttpServer::HttpServer(const ServerOptions& options) : impl_(std::make_unique<Impl>(options)) {}

HttpServer::~HttpServer() = default;

void HttpServer::run() {
  httplib::Server& server = impl_->server;
  const ServerOptions& o = impl_->options;
  const int port = o.port == 0 ? server.bind_to_any_port(o.host) : (server.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port <= 0)
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (address in use or not available)");
  impl_->pool.warm_up();
  // Listening again on a listening socket only changes its backlog.
  if (impl_->listening_socket != INVALID_SOCKET) ::listen(impl_->listening_socket, kListenBacklog);
  std::printf("listening on http://%s:%d\n", o.host.c_str(), port);
  std::fflush(stdout);
  server.listen_after_bind();
}

void HttpServer::stop() { impl_->server.stop(); }

}  // namespace imr::searcher
