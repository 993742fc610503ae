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

// The matches of re in s[from, end), each search starting where the last ended
// (one byte further after an empty match, so the walk always moves on).
void matches_in(std::string_view s, std::size_t from, std::size_t end, const Pattern& re, std::vector<Match>& out) {
  while (from <= end) {
    std::optional<Match> m = re.search(s, from, end);
    if (!m) return;
    from = (*m)[0].end == (*m)[0].start ? (*m)[0].end + 1 : (*m)[0].end;
    out.push_back(std::move(*m));
  }
}

}  // namespace

std::string_view trim_markup(std::string_view s) {
  // A bullet ("\u2022 Massage therapy x 6") marks a list item as "*" does in markdown.
  static constexpr std::string_view kBullet = "\u2022";
  const auto markup = [](char c) { return is_space(c) || c == '*' || c == '#' || c == '_'; };
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!s.empty() && markup(s.front())) s.remove_prefix(1), trimmed = true;
    if (s.starts_with(kBullet)) s.remove_prefix(kBullet.size()), trimmed = true;
  }
  while (!s.empty() && markup(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view regex_window(std::string_view s) { return s.substr(0, std::min(s.size(), kRegexWindow)); }

std::optional<Match> search(std::string_view s, const Pattern& re) {
  for (std::size_t offset = 0; offset < s.size();) {
    const std::size_t end = offset + next_chunk(s.substr(offset)).size();
    if (std::optional<Match> m = re.search(s, offset, end)) return m;
    offset = end;
  }
  return std::nullopt;
}

std::vector<Match> search_all(std::string_view s, const Pattern& re) {
  std::vector<Match> out;
  for (std::size_t offset = 0; offset < s.size();) {
    const std::size_t end = offset + next_chunk(s.substr(offset)).size();
    matches_in(s, offset, end, re, out);
    offset = end;
  }
  return out;
}

std::size_t offset_in(const Match& m, std::string_view s) {
  return static_cast<std::size_t>(m.text() + m[0].start - s.data());
}

std::string_view group(const Match& m, std::size_t i) { return m.group(i); }

std::vector<std::string> split(std::string_view s, const Pattern& separator) {
  const std::string_view w = regex_window(s);
  std::vector<Match> separators;
  matches_in(w, 0, w.size(), separator, separators);
  std::vector<std::string> out;
  std::size_t from = 0;
  const auto keep = [&](std::size_t to) {
    const std::string part(trim(w.substr(from, to - from)));
    if (!part.empty()) out.push_back(part);
  };
  for (const Match& m : separators) {
    keep(m[0].start);
    from = m[0].end;
  }
  keep(w.size());
  return out;
}

}  // namespace imr::indexer::parsing
