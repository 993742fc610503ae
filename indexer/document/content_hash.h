// A stable 64-bit hash of bytes (FNV-1a), as 16 hex digits: used for content
// keys and to skip files that did not change since they were indexed.
#pragma once

#include <string>
#include <string_view>

namespace imr::indexer {

std::string content_hash(std::string_view bytes);

}  // namespace imr::indexer
