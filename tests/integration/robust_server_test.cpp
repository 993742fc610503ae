// imr-search under stress, through the real binary: the index changing under
// it, hostile clients, letters carrying markup, SIGTERM mid-request, and the
// access log and health it reports.
#include <doctest/doctest.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "temp_dir.h"
#include "test_server.h"

namespace {

namespace fs = std::filesystem;
using namespace imr::testing;
using nlohmann::json;

int index_into(const fs::path& index, const fs::path& letters, const fs::path& log) {
  return run({binary("imr-index"), "--db", index.string(), letters.string()}, log);
}

using imr::test::SearchServer;

// A plain TCP connection, for what no well-behaved HTTP client would send.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    REQUIRE(connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  }
  ~RawConnection() { close(fd_); }
  void send_bytes(std::string_view bytes) const {
    for (std::size_t at = 0; at < bytes.size();) {
      const ssize_t n = ::send(fd_, bytes.data() + at, bytes.size() - at, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close on garbage: that is an answer too
      at += static_cast<std::size_t>(n);
    }
  }
  // Everything the server sends until it closes or goes quiet.
  std::string receive() const {
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = recv(fd_, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    return out;
  }

 private:
  int fd_;
};

std::string percent_encoded(std::string_view s) {
  std::string out;
  char buf[4];
  for (const unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%%%02X", c);
    out += std::isalnum(c) || c == '-' ? std::string(1, static_cast<char>(c)) : std::string(buf);
  }
  return out;
}

// The status of a raw answer, or of httplib's; 0 for no answer at all.
int status_of(const std::string& raw_response) {
  if (!raw_response.starts_with("HTTP/1.1 ")) return 0;
  return std::stoi(raw_response.substr(9, 3));
}
int status_of(const httplib::Result& res) { return res ? res->status : 0; }

fs::path write_seeds_index(const TempDir& dir) {
  const fs::path index = dir / "index";
  REQUIRE(index_into(index, seeds_dir(), dir / "index.log") == 0);
  return index;
}

}  // namespace

TEST_CASE("the server sees newly indexed letters on its next request and never fails while the index changes") {
  const TempDir dir;
  const fs::path index = write_seeds_index(dir);
  const SearchServer server(index, dir / "server.log");
  REQUIRE(server.documents() == 5);
  REQUIRE(run({binary("imr-generate"), "--letters", "2500", "--out", (dir / "more").string(), "--seed", "11"},
              dir / "generate.log") == 0);

  std::atomic<bool> indexing = true;
  std::atomic<int> requests = 0, failures = 0;
  auto hammer = [&](const std::string& path) {
    while (indexing) {
      auto res = server.client().Get(path);
      ++requests;
      if (!res || res->status >= 500) ++failures;
    }
  };
  std::vector<std::thread> clients;
  for (const char* path : {"/api/search?q=pain&per_page=50", "/api/search?q=carisoprodol&filter=decision:upheld",
                           "/api/stats?by=drug", "/api/health"})
    clients.emplace_back(hammer, path);
  const int indexed = index_into(index, dir / "more" / "letters", dir / "more.log");
  // Every request reopens the index, so the first one after the indexer has
  // committed and exited sees every new letter: there is no delay to bound.
  const json::number_unsigned_t seen = server.documents();
  indexing = false;
  for (std::thread& t : clients) t.join();

  CHECK(indexed == 0);
  CHECK(seen == 2505);
  CHECK(server.get_json("/api/search?q=pain")["total"].get<int>() > 5);
  MESSAGE(requests.load(), " requests while indexing");
  CHECK(requests > 0);
  CHECK(failures == 0);
}

TEST_CASE("hostile requests get a 4xx with a reason, never a 5xx, and the server stays up") {
  const TempDir dir;
  const SearchServer server(write_seeds_index(dir), dir / "server.log");
  const std::string long_query(100 * 1024, 'a');
  const std::string many_terms = [] {
    std::string q;
    for (int i = 0; i < 500; ++i) q += "word" + std::to_string(i) + "+";
    return q;
  }();
  const std::vector<std::string> paths = {
      "/api/search?q=%22soma",
      "/api/search?q=((((",
      "/api/search?q=))))",
      "/api/search?q=" + std::string(4000, '('),
      "/api/search?q=" + long_query,
      "/api/search?q=" + many_terms,
      "/api/search?q=soma%00carisoprodol",
      "/api/search?q=%ff%fe%c3%28",
      "/api/search?q=soma&filter=drug:%ff%00",
      "/api/search?page=-1",
      "/api/search?page=99999999999999999999",
      "/api/search?per_page=-1",
      "/api/search?per_page=100000",
      "/api/search?sort=sideways",
      "/api/search?colour=red",
      "/api/search?q=colour:red",
      "/api/search?filter=colour:red",
      "/api/search?filter=nocolon",
      "/api/search?q=*",
      "/api/search?q=a*",
      "/api/search?q=c*+OR+d*+OR+e*+OR+p*",
      "/api/search?q=decided:9999..0000",
      "/api/search?q=injury:2004-13-45..x",
      "/api/stats?by=%00",
      "/api/doc/..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/doc/" + std::string(5000, 'x'),
      "/api/doc/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%252e%252e/%252e%252e/etc/passwd",
      "/..%c0%af..%c0%afetc/passwd",
      "/index.html%00.txt",
      "/api/../../../etc/passwd",
      "/api/nothing",
      "/nothing/at/all",
  };
  for (const std::string& path : paths) {
    CAPTURE(path.substr(0, 200));
    auto res = server.client().Get(path);
    REQUIRE(res);
    CHECK(res->status < 500);
    if (path.find("passwd") != std::string::npos) CHECK(res->status != 200);
    CHECK(res->body.find("root:") == std::string::npos);
    if (res->status >= 400 && path.starts_with("/api"))
      CHECK(json::parse(res->body)["error"].get<std::string>().size() > 10);
  }
  CHECK(status_of(server.client().Get("/api/search?q=" + long_query)) == 414);
  CHECK(status_of(server.client().Get("/api/search?q=" + std::string(5000, 'a'))) == 400);
  CHECK(status_of(server.client().Get("/api/search?page=-1")) == 400);

  // Bodies, methods and headers.
  CHECK(status_of(server.client().Post("/api/search", std::string(1 << 20, 'x'), "text/plain")) == 413);
  CHECK(status_of(server.client().Delete("/api/doc/CM14-0039927")) == 405);
  httplib::Headers many;
  for (int i = 0; i < 40; ++i) many.emplace("X-Filler-" + std::to_string(i), std::string(1000, 'y'));
  CHECK(status_of(server.client().Get("/api/health", many)) == 431);
  // httplib itself refuses a header line over 8 KB, with a 400.
  CHECK(status_of(server.client().Get("/api/health", {{"X-Long", std::string(20000, 'z')}})) == 400);

  // Raw bytes no HTTP client sends.
  std::mt19937 random(42);
  std::string garbage(4096, '\0');
  for (char& c : garbage) c = static_cast<char>(random());
  for (const std::string& raw :
       {garbage, std::string("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
        std::string("GET /api/health\0 HTTP/1.1\r\n\r\n", 28),
        std::string("GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n"), std::string("\r\n\r\n\r\n")}) {
    const RawConnection connection(server.port());
    connection.send_bytes(raw);
    const int status = status_of(connection.receive());
    CHECK(status >= 200);  // an answer, not a silent close
    CHECK(status < 500);
  }
  CHECK(server.documents() == 5);
}

TEST_CASE("a letter's own markup is never served as markup") {
  const TempDir dir;
  const fs::path letters = dir / "letters";
  fs::create_directories(letters);
  std::string text = read_text(seeds_dir() / "000_f8c318a2e4561815.txt");
  // Tags are stripped by the reader, but entities become the characters they name.
  const std::string evil =
      "xsspayload &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "
      "<b onmouseover=alert(2)>bold</b> ";
  text.insert(text.find("The injured worker is"), evil);
  std::ofstream(letters / "evil.txt", std::ios::binary) << text;
  REQUIRE(index_into(dir / "index", letters, dir / "index.log") == 0);
  const SearchServer server(dir / "index", dir / "server.log");

  const json found = server.get_json("/api/search?q=xsspayload");
  REQUIRE(found["total"] == 1);
  const json& hit = found["hits"][0];
  CHECK(hit["snippet"].get<std::string>().find("<script") == std::string::npos);
  CHECK(hit["snippet"].get<std::string>().find("<img") == std::string::npos);
  const std::string key = hit.contains("key") ? hit["key"].get<std::string>() : hit["case_number"].get<std::string>();
  const json doc = server.get_json("/api/doc/" + percent_encoded(key) + "?q=xsspayload");
  const std::string html = doc["html"];
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b ") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("binds 127.0.0.1 by default, writes nothing, and sends the security headers") {
  const TempDir dir;
  const fs::path index = write_seeds_index(dir);
  const SearchServer server(index, dir / "server.log", {});
  REQUIRE(server.documents() == 5);
  CHECK(server.log().find("listening on http://127.0.0.1:" + std::to_string(server.port())) != std::string::npos);
  for (const char* path : {"/api/search", "/api/doc/CM14-0039927", "/api/health", "/index.html"}) {
    CAPTURE(path);
    CHECK(status_of(server.client().Post(path, "{}", "application/json")) == 405);
    CHECK(status_of(server.client().Put(path, "{}", "application/json")) == 405);
    CHECK(status_of(server.client().Delete(path)) == 405);
  }
  CHECK(server.documents() == 5);
  for (const char* path : {"/", "/api/health"}) {
    auto res = server.client().Get(path);
    REQUIRE(res);
    const std::string csp = res->get_header_value("Content-Security-Policy");
    CHECK(csp.find("default-src 'self'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
  }
  // The page works under that policy: no inline script.
  const std::string page = server.client().Get("/")->body;
  for (std::size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1))
    CHECK(page.substr(at, page.find('>', at) - at).find("src=") != std::string::npos);
}

TEST_CASE("SIGTERM finishes the requests in flight, then exits cleanly") {
  const TempDir dir;
  SearchServer server(write_seeds_index(dir), dir / "server.log");
  const RawConnection connection(server.port());
  connection.send_bytes("GET /api/search?q=carisoprodol HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::thread stopper([&] { CHECK(server.stop() == 0); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  connection.send_bytes("Connection: close\r\n\r\n");
  const std::string response = connection.receive();
  stopper.join();
  CHECK(status_of(response) == 200);
  CHECK(response.find("\"total\":5") != std::string::npos);
  CHECK(server.log().find("stopped") != std::string::npos);
}

TEST_CASE("every request is one structured access-log line with its latency - health tells count and last update") {
  const TempDir dir;
  const SearchServer server(write_seeds_index(dir), dir / "server.log");
  const json health = server.get_json("/api/health");
  CHECK(health["status"] == "ok");
  CHECK(health["documents"] == 5);
  CHECK(health["last_update"].get<std::string>().size() == 20);  // yyyy-mm-ddThh:mm:ssZ
  const auto search = server.client().Get("/api/search?q=soma");
  REQUIRE(search);
  server.client().Get("/api/forged%0Atime=x%22%20status=200");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string log = server.log();
  CAPTURE(log);
  CHECK(log.find("method=\"GET\" path=\"/api/search\" query_bytes=7 status=200 bytes=") != std::string::npos);
  CHECK(log.find("path=\"/api/search\" query_bytes=7 status=200 bytes=" + std::to_string(search->body.size()) +
                 " ms=") != std::string::npos);
  std::size_t lines = 0, forged = 0;
  std::istringstream in(log);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("time=")) continue;
    ++lines;
    CHECK(line.find(" ms=") != std::string::npos);
    CHECK(line.find("remote=\"127.0.0.1\"") != std::string::npos);
    forged += line.find("forged") != std::string::npos;
  }
  CHECK(lines >= 3);  // and the health polls while it started
  CHECK(forged == 1);
}
