// Checks a real API answer against the OpenAPI document's schema for it:
// every required field present, every documented field of the right JSON
// type. Shared by the unit and the integration tests of /api/openapi.json.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace imr::test {

// The schema a $ref points at ("#/components/schemas/Hit"), or schema itself.
inline const nlohmann::json& resolved(const nlohmann::json& spec, const nlohmann::json& schema) {
  if (!schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"];
  return resolved(spec, spec.at(nlohmann::json::json_pointer(ref.substr(1))));
}

inline bool has_type(const nlohmann::json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  return false;
}

// What in value disagrees with schema, one line each (empty: it conforms).
inline void schema_problems(const nlohmann::json& spec, const nlohmann::json& schema_or_ref,
                            const nlohmann::json& value, const std::string& where, std::vector<std::string>& out) {
  const nlohmann::json& schema = resolved(spec, schema_or_ref);
  if (value.is_null()) {
    if (schema.contains("type") && !schema.value("nullable", false)) out.push_back(where + ": null, not nullable");
    return;
  }
  if (schema.contains("type") && !has_type(value, schema["type"]))
    return out.push_back(where + ": not of type " + schema["type"].get<std::string>());
  if (value.is_object()) {
    const nlohmann::json required = schema.value("required", nlohmann::json::array());
    for (const auto& name : required)
      if (!value.contains(name)) out.push_back(where + ": missing required field " + name.get<std::string>());
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    for (const auto& [name, sub] : properties.items())
      if (value.contains(name)) schema_problems(spec, sub, value[name], where + "/" + name, out);
    if (schema.contains("additionalProperties") && schema["additionalProperties"].is_object())
      for (const auto& [name, sub] : value.items())
        schema_problems(spec, schema["additionalProperties"], sub, where + "/" + name, out);
  }
  if (value.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i)
      schema_problems(spec, schema["items"], value[i], where + "/" + std::to_string(i), out);
}

// The problems of a response with this status to GET path (a path of the
// document, e.g. "/api/doc/{key}"); a status the path does not document is
// one. A body that is not JSON (content_type other than JSON) need only be of
// a documented media type.
inline std::vector<std::string> response_problems(const nlohmann::json& spec, const std::string& path, int status,
                                                  const nlohmann::json& body,
                                                  const std::string& content_type = "application/json") {
  std::vector<std::string> out;
  const nlohmann::json& responses = spec.at("paths").at(path).at("get").at("responses");
  const std::string code = std::to_string(status);
  if (!responses.contains(code)) return {path + ": status " + code + " is not documented"};
  const nlohmann::json& content = resolved(spec, responses[code]).at("content");
  const std::string media = content_type.substr(0, content_type.find(';'));
  if (!content.contains(media)) return {path + ": media type " + media + " is not documented"};
  if (media == "application/json") schema_problems(spec, content[media]["schema"], body, path, out);
  return out;
}

}  // namespace imr::test
