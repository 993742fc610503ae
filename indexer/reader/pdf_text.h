// The text of a PDF's pages, read with poppler-cpp. Vertical gaps between
// text lines come out as empty lines, wide horizontal gaps as runs of spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::reader {

// One UTF-8 string per page. Throws ReadError for bytes that are not a PDF,
// a truncated or encrypted PDF, or one poppler cannot open.
std::vector<std::string> pdf_pages(std::string_view bytes);

}  // namespace imr::indexer::reader
