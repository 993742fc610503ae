// The parser's own string helpers (the general ones come from imr/schema/text.h):
// trimming markup, and a bounded regex search that hostile input cannot blow up.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/text.h"

namespace imr::indexer::parsing {

using text::contains_icase;
using text::lower;
using text::starts_with_icase;
using text::trim;

// Trims and also drops leftover markup around a phrase ("**", "#", "_").
std::string_view trim_markup(std::string_view s);

// libstdc++'s regex engine recurses per character matched, so one huge
// paragraph could exhaust the stack: searches run over chunks of at most this
// size, cut at a line or word break. No match the parser looks for is longer.
inline constexpr std::size_t kRegexWindow = 4 * 1024;
std::string_view regex_window(std::string_view s);

// First match of re in s, or nullopt. Use offset_in, not position(), for where it is.
std::optional<std::match_results<std::string_view::const_iterator>> search(std::string_view s, const std::regex& re);
// Every match of re in s.
std::vector<std::match_results<std::string_view::const_iterator>> search_all(std::string_view s, const std::regex& re);

using Match = std::match_results<std::string_view::const_iterator>;
std::string_view group(const Match& m, std::size_t i);
// Where a match of a search over s starts in s.
std::size_t offset_in(const Match& m, std::string_view s);

// Splits on a regex separator, trimming parts and dropping empty ones (within
// the first window: what is split is always a short phrase).
std::vector<std::string> split(std::string_view s, const std::regex& separator);

}  // namespace imr::indexer::parsing
