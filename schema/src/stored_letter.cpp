#include "imr/schema/stored_letter.h"

#include <stdexcept>

#include <nlohmann/json.hpp>

namespace imr::schema {

std::string encode_stored_letter(const StoredLetter& letter) {
  return nlohmann::json{{"record", letter.record}, {"text", letter.text}}.dump();
}

StoredLetter decode_stored_letter(std::string_view data) {
  try {
    const auto j = nlohmann::json::parse(data);
    return StoredLetter{j.at("record").get<Record>(), j.at("text").get<std::string>()};
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("stored letter is corrupt: ") + e.what());
  }
}

}  // namespace imr::schema
