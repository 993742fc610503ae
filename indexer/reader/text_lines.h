// Splitting text into lines, whatever its line ends (\n, \r\n, \r).
#pragma once

#include <string_view>
#include <vector>

namespace imr::indexer::reader {

// The lines of text without their line ends; views into text.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace imr::indexer::reader
