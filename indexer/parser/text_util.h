// The parser's own string helpers (the general ones come from imr/schema/text.h):
// trimming markup, and searches with its Patterns over bounded windows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/text.h"
#include "pattern.h"

namespace imr::indexer::parsing {

using text::contains_icase;
using text::lower;
using text::starts_with_icase;
using text::trim;

// Trims and also drops leftover markup around a phrase ("**", "#", "_").
std::string_view trim_markup(std::string_view s);

// Searches run over windows of at most this size, cut at a line or word break,
// and a window's end is the end of the text for "$" (the rules were written
// against std::regex, whose recursion per character needed the bound). No
// match the parser looks for is longer.
inline constexpr std::size_t kRegexWindow = 4 * 1024;
std::string_view regex_window(std::string_view s);

// First match of re in s, or nullopt.
std::optional<Match> search(std::string_view s, const Pattern& re);
// Every match of re in s, in order, not overlapping.
std::vector<Match> search_all(std::string_view s, const Pattern& re);

std::string_view group(const Match& m, std::size_t i);
// Where a match of a search over s starts in s.
std::size_t offset_in(const Match& m, std::string_view s);

// Splits on a separator pattern, trimming parts and dropping empty ones (within
// the first window: what is split is always a short phrase).
std::vector<std::string> split(std::string_view s, const Pattern& separator);

}  // namespace imr::indexer::parsing
