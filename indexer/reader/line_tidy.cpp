// tidy_line: a single scan over the line's code points.
#include "reader/line_tidy.h"

#include "reader/utf8.h"

namespace imr::indexer::reader {
namespace {

bool is_invisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp < 0x09 ||
         (cp > 0x0D && cp < 0x20) || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

bool is_spacing(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

}  // namespace

std::string tidy_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < line.size();) {
    const CodePoint cp = decode_utf8(line, pos);
    const std::size_t length = cp.length == 0 ? 1 : cp.length;
    if (cp.length != 0 && is_spacing(cp.value)) {
      pending_space = !out.empty();
    } else if (cp.length == 0 || !is_invisible(cp.value)) {
      if (pending_space) out += ' ';
      pending_space = false;
      out.append(line.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

}  // namespace imr::indexer::reader
