#include "imr/snippet/text_range.h"

#include <algorithm>

namespace imr::searcher {

std::vector<TextRange> merged(std::vector<TextRange> ranges) {
  std::ranges::sort(ranges, [](const TextRange& a, const TextRange& b) {
    return a.start != b.start ? a.start < b.start : a.end > b.end;
  });
  std::vector<TextRange> out;
  for (const TextRange& r : ranges) {
    if (!out.empty() && r.start <= out.back().end) {
      out.back().end = std::max(out.back().end, r.end);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace imr::searcher
