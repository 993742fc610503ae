// decode_text: byte-order marks, binary sniffing, UTF-8 validation with a
// Windows-1252 fallback for files that were never UTF-8.
#include "text_decoding.h"

#include <algorithm>
#include <array>

#include <unicode/unistr.h>

#include "imr/reader/letter_reader.h"
#include "utf8.h"

namespace imr::indexer::reader {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

bool starts_with_any(std::string_view bytes, std::initializer_list<std::string_view> magics) {
  return std::ranges::any_of(magics, [&](std::string_view m) { return bytes.starts_with(m); });
}

// Control codes other than tabs, line and page breaks do not occur in text;
// a file made of them (or of NUL bytes, or starting like an image) is binary.
void refuse_binary(std::string_view bytes) {
  if (starts_with_any(bytes, {"%PDF-", "\x89PNG", "\xFF\xD8\xFF", "GIF8", "PK\x03\x04"}))
    throw ReadError("not a text file (it is a PDF, image or archive; check the file's extension)");
  if (bytes.find('\0') != std::string_view::npos) throw ReadError("not a text file (it contains NUL bytes)");
  const std::string_view head = bytes.substr(0, 4096);
  const auto controls = std::ranges::count_if(head, [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B;
  });
  if (controls * 10 > static_cast<long>(head.size())) throw ReadError("not a text file (it is mostly control codes)");
}

std::string from_utf16(std::string_view bytes, const char* charset) {
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  std::string out;
  return text.toUTF8String(out);
}

struct Validation {
  std::size_t invalid = 0;
  std::size_t multibyte = 0;
};

Validation validate_utf8(std::string_view bytes) {
  Validation v;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const CodePoint cp = decode_utf8(bytes, pos);
    if (cp.length == 0) {
      ++v.invalid;
      ++pos;
    } else {
      v.multibyte += cp.length > 1;
      pos += cp.length;
    }
  }
  return v;
}

std::string replace_invalid(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    const CodePoint cp = decode_utf8(bytes, pos);
    if (cp.length == 0) {
      append_utf8(out, kReplacementChar);
      ++pos;
    } else {
      out.append(bytes.substr(pos, cp.length));
      pos += cp.length;
    }
  }
  return out;
}

std::string from_windows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) append_utf8(out, windows1252_char(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
  if (bytes.starts_with(kUtf16LeBom)) return {from_utf16(bytes.substr(2), "UTF-16LE"), {}};
  if (bytes.starts_with(kUtf16BeBom)) return {from_utf16(bytes.substr(2), "UTF-16BE"), {}};
  if (bytes.starts_with(kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
  refuse_binary(bytes);
  const Validation v = validate_utf8(bytes);
  if (v.invalid == 0) return {std::string(bytes), {}};
  // Not a single valid multi-byte sequence: the file was written in a legacy
  // code page, not damaged UTF-8.
  if (v.multibyte == 0) return {from_windows1252(bytes), {"the file is not UTF-8; it was read as Windows-1252"}};
  return {replace_invalid(bytes),
          {std::to_string(v.invalid) + " byte(s) that are not valid UTF-8 were replaced by U+FFFD"}};
}

}  // namespace imr::indexer::reader
