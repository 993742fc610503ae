// HTML character references: "&amp;" -> "&", "&#174;" / "&#xAE;" -> "®".
#pragma once

#include <string>
#include <string_view>

namespace imr::indexer::reader {

// Decodes the named references letters use and every numeric one; anything
// else that starts with '&' is left as written ("AT&T", "&unknown;").
std::string decode_entities(std::string_view text);

}  // namespace imr::indexer::reader
