// UTF-8 one code point at a time, for the reader's byte-level repairs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace imr::indexer::reader {

inline constexpr char32_t kReplacementChar = 0xFFFD;

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes; 0 when the bytes at pos are not valid UTF-8
};

// The code point of the multi-byte sequence at byte pos; rejects overlong
// forms, surrogates and values past U+10FFFF.
CodePoint decode_utf8_sequence(std::string_view text, std::size_t pos);

// The code point at byte pos. Inline for ASCII, which is nearly all of a
// letter and is read byte by byte in several passes.
inline CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  return decode_utf8_sequence(text, pos);
}
void append_utf8(std::string& out, char32_t code_point);

// Windows-1252, the encoding UTF-8 is most often mistaken for: byte -> code point.
char32_t windows1252_char(unsigned char byte);
// The Windows-1252 byte of a code point, or -1 when it has none.
int windows1252_byte(char32_t code_point);

}  // namespace imr::indexer::reader
