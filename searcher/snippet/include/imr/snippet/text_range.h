// A byte range of a letter's text: a hit to mark, or a window to quote.
#pragma once

#include <cstdint>
#include <vector>

namespace imr::searcher {

struct TextRange {
  std::uint32_t start;
  std::uint32_t end;  // one past the last byte
  bool operator==(const TextRange&) const = default;
};

// The ranges in text order, those that overlap or touch joined into one.
std::vector<TextRange> merged(std::vector<TextRange> ranges);

}  // namespace imr::searcher
