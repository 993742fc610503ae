// The raw query string before lexing: which bytes are acceptable (valid UTF-8,
// no control characters other than white space) and how a byte offset is
// reported to a person (as a 1-based character number).
#pragma once

#include <cstddef>
#include <string_view>

namespace imr::searcher {

// Throws QueryError naming the first invalid UTF-8 sequence or control
// character and where it is.
void check_query_text(std::string_view query);

// The 1-based character number of the byte at offset in valid UTF-8 text.
std::size_t character_at(std::string_view text, std::size_t offset);

// Code points in valid UTF-8 text.
std::size_t character_count(std::string_view text);

}  // namespace imr::searcher
