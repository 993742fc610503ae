// String helpers shared by the parser's modules (see text_util.h).
#include "text_util.h"

#include <algorithm>
#include <cctype>

namespace imr::indexer::parsing {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The next piece of s to search: all of it when short, else up to a window
// cut at its last line break or space, so that words are never split.
std::string_view next_chunk(std::string_view s) {
  if (s.size() <= kRegexWindow) return s;
  const std::string_view window = s.substr(0, kRegexWindow);
  for (const char brk : {'\n', ' '})
    if (const std::size_t at = window.rfind(brk); at != std::string_view::npos && at >= kRegexWindow / 2)
      return s.substr(0, at + 1);
  return window;
}

// Chunks after the first do not start the text: "^" and "\b" must not match there.
std::regex_constants::match_flag_type flags_at(std::size_t offset) {
  return offset == 0 ? std::regex_constants::match_default
                     : std::regex_constants::match_not_bol | std::regex_constants::match_prev_avail;
}

}  // namespace

std::string_view trim_markup(std::string_view s) {
  const auto markup = [](char c) { return is_space(c) || c == '*' || c == '#' || c == '_'; };
  while (!s.empty() && markup(s.front())) s.remove_prefix(1);
  while (!s.empty() && markup(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view regex_window(std::string_view s) { return s.substr(0, std::min(s.size(), kRegexWindow)); }

std::optional<Match> search(std::string_view s, const std::regex& re) {
  for (std::size_t offset = 0; offset < s.size();) {
    const std::string_view chunk = next_chunk(s.substr(offset));
    Match m;
    if (std::regex_search(s.begin() + offset, s.begin() + offset + chunk.size(), m, re, flags_at(offset))) return m;
    offset += chunk.size();
  }
  return std::nullopt;
}

std::vector<Match> search_all(std::string_view s, const std::regex& re) {
  std::vector<Match> out;
  for (std::size_t offset = 0; offset < s.size();) {
    const std::string_view chunk = next_chunk(s.substr(offset));
    const auto begin = s.begin() + offset;
    for (auto it = std::regex_iterator(begin, begin + chunk.size(), re, flags_at(offset)); it != decltype(it){}; ++it)
      out.push_back(*it);
    offset += chunk.size();
  }
  return out;
}

std::size_t offset_in(const Match& m, std::string_view s) { return static_cast<std::size_t>(m[0].first - s.begin()); }

std::string_view group(const Match& m, std::size_t i) {
  if (i >= m.size() || !m[i].matched) return {};
  return std::string_view(&*m[i].first, static_cast<std::size_t>(m[i].length()));
}

std::vector<std::string> split(std::string_view s, const std::regex& separator) {
  const std::string_view w = regex_window(s);
  std::vector<std::string> out;
  for (auto it = std::regex_token_iterator(w.begin(), w.end(), separator, -1); it != decltype(it){}; ++it) {
    const std::string part(trim(std::string_view(&*it->first, static_cast<std::size_t>(it->length()))));
    if (!part.empty()) out.push_back(part);
  }
  return out;
}

}  // namespace imr::indexer::parsing
