// What a handler gets and gives: plain structs, so the API can be tested
// without HTTP and served by any HTTP library.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "imr/query/client_error.h"

namespace imr::searcher {

// A request parameter the client must fix.
class BadRequest : public ClientError {
 public:
  using ClientError::ClientError;
};

struct Request {
  std::multimap<std::string, std::string, std::less<>> params;  // query-string parameters, decoded
  // Where the page is served, for links in answers that leave the page (the feed): "http://host:port", no '/' at the
  // end.
  std::string base_url = "http://127.0.0.1:8080";

  // The parameter's first value, or fallback when absent.
  std::string param(std::string_view name, std::string_view fallback = {}) const;
  // Every value of a repeatable parameter, in order.
  std::vector<std::string> all(std::string_view name) const;
  // A whole number in [min, max]; fallback when absent. Throws BadRequest.
  unsigned number(std::string_view name, unsigned fallback, unsigned min, unsigned max) const;
};

struct Response {
  Response() = default;
  Response(int status_code, nlohmann::json json_body) : status(status_code), body(std::move(json_body)) {}

  int status = 200;
  nlohmann::json body;
  // Set for a body that is not JSON: then `text` is the body, or, when
  // next_chunk is set, the body is made piece by piece as it is sent.
  std::string content_type;
  std::string text;
  // Appends the next piece of the body to out; false once nothing is left.
  // Throws when the body cannot be finished (the sender then cuts the stream).
  std::function<bool(std::string& out)> next_chunk;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type
};

Response error_response(int status, std::string_view message);

// Milliseconds since start, to a tenth: the "took_ms" of an answer.
double milliseconds_since(std::chrono::steady_clock::time_point start);

}  // namespace imr::searcher
