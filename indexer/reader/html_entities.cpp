// decode_entities: a single forward scan; references are at most a few bytes long.
#include "html_entities.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "utf8.h"

namespace imr::indexer::reader {
namespace {

// Longest reference looked at: "&#x10FFFF;" and the longest name below fit.
constexpr std::size_t kMaxReference = 12;

constexpr std::array<std::pair<std::string_view, char32_t>, 33> kNamed = {{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},    {"nbsp", 0xA0},
    {"reg", 0xAE},     {"copy", 0xA9},    {"trade", 0x2122}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bull", 0x2022},  {"middot", 0xB7},
    {"deg", 0xB0},     {"plusmn", 0xB1},  {"micro", 0xB5},   {"frac12", 0xBD},  {"frac14", 0xBC},  {"frac34", 0xBE},
    {"times", 0xD7},   {"sect", 0xA7},    {"para", 0xB6},    {"shy", 0xAD},     {"eacute", 0xE9},  {"le", 0x2264},
    {"ge", 0x2265},    {"laquo", 0xAB},   {"raquo", 0xBB},
}};

std::optional<char32_t> numeric(std::string_view digits) {
  int base = 10;
  if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) base = 16, digits.remove_prefix(1);
  if (digits.empty()) return std::nullopt;
  char32_t value = 0;
  for (const char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (base == 16 && c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else if (base == 16 && c >= 'A' && c <= 'F')
      d = c - 'A' + 10;
    if (d < 0) return std::nullopt;
    value = value * base + d;
    if (value > 0x10FFFF) return kReplacementChar;
  }
  if (value == 0 || (value >= 0xD800 && value <= 0xDFFF)) return kReplacementChar;
  return value;
}

std::optional<char32_t> reference(std::string_view body) {
  if (body.starts_with('#')) return numeric(body.substr(1));
  for (const auto& [name, cp] : kNamed)
    if (name == body) return cp;
  return std::nullopt;
}

}  // namespace

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const std::size_t amp = std::min(text.find('&', pos), text.size());
    out.append(text, pos, amp - pos);
    pos = amp;
    if (pos == text.size()) break;
    const std::size_t semi = text.substr(pos + 1, kMaxReference).find(';');
    const auto cp = semi == std::string_view::npos ? std::nullopt : reference(text.substr(pos + 1, semi));
    if (cp) {
      append_utf8(out, *cp);
      pos += semi + 1;
    } else {
      out += '&';
    }
  }
  return out;
}

}  // namespace imr::indexer::reader
