// One line of text made tidy: tabs and other spacing become single spaces,
// invisible characters (soft hyphens, zero-width spaces, control codes) go,
// and the ends are trimmed.
#pragma once

#include <string>
#include <string_view>

namespace imr::indexer::reader {

// line must be valid UTF-8 without line breaks.
std::string tidy_line(std::string_view line);
// Whether tidy_line(line) would be empty, without building it.
bool is_blank_line(std::string_view line);

}  // namespace imr::indexer::reader
