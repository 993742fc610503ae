// Request parameter access with the checks every handler needs.
#include "imr/api/request.h"

#include <charconv>

namespace imr::searcher {

std::string Request::param(std::string_view name, std::string_view fallback) const {
  const auto it = params.find(name);
  return it == params.end() ? std::string(fallback) : it->second;
}

std::vector<std::string> Request::all(std::string_view name) const {
  std::vector<std::string> out;
  const auto [first, last] = params.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

unsigned Request::number(std::string_view name, unsigned fallback, unsigned min, unsigned max) const {
  const auto it = params.find(name);
  if (it == params.end()) return fallback;
  const std::string& text = it->second;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw BadRequest(std::string(name) + " must be a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + text + "'");
  return value;
}

double milliseconds_since(std::chrono::steady_clock::time_point start) {
  const std::chrono::duration<double, std::milli> d = std::chrono::steady_clock::now() - start;
  return static_cast<double>(static_cast<long long>(d.count() * 10)) / 10;
}

Response error_response(int status, std::string_view message) {
  return Response{status, nlohmann::json{{"error", message}}};
}

}  // namespace imr::searcher
