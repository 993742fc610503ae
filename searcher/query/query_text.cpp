#include "query_text.h"

#include <string>

#include "imr/query/parsed_query.h"

namespace imr::searcher {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not valid
// (bad lead byte, truncated, overlong, surrogate, beyond U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80) return 1;
  std::size_t len = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF)
    len = 2, cp = lead & 0x1F;
  else if (lead >= 0xE0 && lead <= 0xEF)
    len = 3, cp = lead & 0x0F;
  else if (lead >= 0xF0 && lead <= 0xF4)
    len = 4, cp = lead & 0x07;
  else
    return 0;
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if (!is_continuation(c)) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return len;
}

bool is_control(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '\t' || c == '\n' || c == '\r') return false;
  if (c < 0x20 || c == 0x7F) return true;
  // U+0080..U+009F, the C1 controls.
  return c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

void check_query_text(std::string_view query) {
  for (std::size_t i = 0; i < query.size();) {
    const std::size_t len = sequence_length(query, i);
    if (len == 0)
      throw QueryError("the query is not valid UTF-8 at character " + std::to_string(character_at(query, i)) +
                       "; retype the query or paste it as plain text");
    if (is_control(query, i))
      throw QueryError("the query contains a control character at character " + std::to_string(character_at(query, i)) +
                       "; remove it");
    i += len;
  }
}

std::size_t character_at(std::string_view text, std::size_t offset) {
  return character_count(text.substr(0, offset)) + 1;
}

std::size_t character_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += !is_continuation(static_cast<unsigned char>(c));
  return n;
}

}  // namespace imr::searcher
