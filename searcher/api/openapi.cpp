// openapi(): the OpenAPI 3 description of every route in api/router.cpp, kept
// as data (searcher/api/data/openapi.json, built into the binary) and parsed
// once. Kept true by tests/unit/api_openapi_test.cpp and the integration
// tests, which check every route is described, every described route
// answers, real answers carry the documented fields, and the documented
// limits are those of query_limits.h.
#include <nlohmann/json.hpp>

#include "api_data.h"
#include "imr/api/handlers.h"

namespace imr::searcher {
namespace {

nlohmann::json parse_document() {
  const auto text = api_data::data_file("openapi.json");
  if (!text) throw std::logic_error("searcher/api/data/openapi.json was not built into the binary");
  return nlohmann::json::parse(*text);
}

}  // namespace

const nlohmann::json& openapi_document() {
  // Immutable once built; C++ guarantees one thread builds it.
  static const nlohmann::json document = parse_document();
  return document;
}

Response openapi() { return Response{200, openapi_document()}; }

}  // namespace imr::searcher
