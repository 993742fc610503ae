// Small text helpers every part of imrsearch needs, in one place: ASCII case
// folding and comparison, trimming, joining, and UTC timestamps. Letters'
// words go through the analyzer (ICU), never through these.
#pragma once

#include <ctime>
#include <functional>
#include <string>
#include <string_view>

namespace imr::text {

// ASCII letters lower-cased; every other byte (UTF-8 included) kept.
std::string lower(std::string_view s);
// Equal but for the case of ASCII letters.
bool iequals(std::string_view a, std::string_view b);
bool starts_with_icase(std::string_view s, std::string_view prefix);
bool contains_icase(std::string_view s, std::string_view needle);
// No byte of s is above 0x7f.
bool is_ascii(std::string_view s);

// Without leading and trailing ASCII white space (space, \t, \n, \v, \f, \r).
std::string_view trim(std::string_view s);

// The parts (each through project, e.g. a member pointer) with the separator
// between each two. A projection rather than std::views::transform: clang 14
// cannot compile libstdc++ 12's range views, and the fuzzers build with clang.
template <typename Parts, typename Projection = std::identity>
std::string join(const Parts& parts, std::string_view separator, Projection project = {}) {
  std::string out;
  bool first = true;
  for (const auto& part : parts) {
    if (!first) out += separator;
    out += std::invoke(project, part);
    first = false;
  }
  return out;
}

// "2026-12-01T14:55:31Z".
std::string utc_timestamp(std::time_t t);

}  // namespace imr::text
