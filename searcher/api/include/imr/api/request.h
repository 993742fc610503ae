// What a handler gets and gives: plain structs, so the API can be tested
// without HTTP and served by any HTTP library.
#pragma once

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
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

  // The parameter's first value, or fallback when absent.
  std::string param(std::string_view name, std::string_view fallback = {}) const;
  // Every value of a repeatable parameter, in order.
  std::vector<std::string> all(std::string_view name) const;
  // A whole number in [min, max]; fallback when absent. Throws BadRequest.
  unsigned number(std::string_view name, unsigned fallback, unsigned min, unsigned max) const;
};

struct Response {
  int status = 200;
  nlohmann::json body;
};

Response error_response(int status, std::string_view message);

// Milliseconds since start, to a tenth: the "took_ms" of an answer.
double milliseconds_since(std::chrono::steady_clock::time_point start);

}  // namespace imr::searcher
