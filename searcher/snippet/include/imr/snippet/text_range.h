// A byte range of a letter's text: a hit to mark, or a window to quote.
#pragma once

#include <cstdint>

namespace imr::searcher {

struct TextRange {
  std::uint32_t start;
  std::uint32_t end;  // one past the last byte
  bool operator==(const TextRange&) const = default;
};

}  // namespace imr::searcher
