// tidy_line and is_blank_line: a single scan over the line's code points.
#include "line_tidy.h"

#include "utf8.h"

namespace imr::indexer::reader {
namespace {

bool is_invisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp < 0x09 ||
         (cp > 0x0D && cp < 0x20) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

bool is_spacing(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

enum class Look { spacing, invisible, visible };

struct Glyph {
  Look look;
  std::size_t length;  // bytes
};

// Printable ASCII is nearly all of a letter; it needs no decoding.
bool is_plain(char c) { return c > ' ' && c < 0x7F; }

Glyph glyph_at(std::string_view line, std::size_t pos) {
  if (is_plain(line[pos])) return {Look::visible, 1};
  const CodePoint cp = decode_utf8(line, pos);
  // Bytes that are not UTF-8 are kept as they are, for the caller to judge.
  if (cp.length == 0) return {Look::visible, 1};
  if (is_spacing(cp.value)) return {Look::spacing, cp.length};
  return {is_invisible(cp.value) ? Look::invisible : Look::visible, cp.length};
}

}  // namespace

std::string tidy_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < line.size();) {
    const Glyph glyph = glyph_at(line, pos);
    if (glyph.look == Look::spacing) {
      pending_space = !out.empty();
    } else if (glyph.look == Look::visible) {
      if (pending_space) out += ' ';
      pending_space = false;
      std::size_t end = pos + glyph.length;
      while (end < line.size() && is_plain(line[end])) ++end;
      out.append(line, pos, end - pos);
      pos = end;
      continue;
    }
    pos += glyph.length;
  }
  return out;
}

bool is_blank_line(std::string_view line) {
  for (std::size_t pos = 0; pos < line.size();) {
    const Glyph glyph = glyph_at(line, pos);
    if (glyph.look == Look::visible) return false;
    pos += glyph.length;
  }
  return true;
}

}  // namespace imr::indexer::reader
