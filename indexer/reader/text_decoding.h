// Bytes of a text file to valid UTF-8: refuses binary files, reads UTF-16
// and Windows-1252 files, and replaces stray invalid bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imr::indexer::reader {

struct DecodedText {
  std::string text;
  std::vector<std::string> warnings;
};

// Throws ReadError for content that is not text (NUL bytes, images, control codes).
DecodedText decode_text(std::string_view bytes);

}  // namespace imr::indexer::reader
