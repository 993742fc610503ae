// strip_markdown: line by line, each line rewritten on its own.
#include "markdown_markup.h"

#include <algorithm>

namespace imr::indexer::reader {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = trim_left(s);
  while (!s.empty() && (is_blank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "---", "***", "___" and table separator rows like "|---|:--:|".
bool is_rule(std::string_view line) {
  const std::string_view t = trim(line);
  if (t.size() < 3) return false;
  const bool table = t.find('|') != std::string_view::npos;
  return std::ranges::all_of(t,
                             [&](char c) {
                               return c == '-' || is_blank(c) || (table && (c == '|' || c == ':')) ||
                                      (!table && (c == '*' || c == '_'));
                             }) &&
         (table || t.find_first_not_of(t.front()) == std::string_view::npos || t.find(' ') != std::string_view::npos);
}

bool is_heading(std::string_view line) {
  const std::string_view t = trim_left(line);
  const std::size_t hashes = t.find_first_not_of('#');
  return hashes > 0 && hashes <= 6 && hashes != std::string_view::npos && is_blank(t[hashes]);
}

std::string_view without_heading_mark(std::string_view line) {
  if (!is_heading(line)) return line;
  const std::string_view t = trim_left(line);
  std::string_view heading = trim(t.substr(t.find_first_not_of('#')));
  while (!heading.empty() && heading.back() == '#') heading.remove_suffix(1);
  return trim(heading);
}

std::string_view without_quote_mark(std::string_view line) {
  const std::string_view t = trim_left(line);
  if (!t.starts_with('>')) return line;
  return trim_left(t.substr(1));
}

// "| a | b |" -> "a\tb"
std::string table_row(std::string_view line) {
  std::string_view t = trim(line);
  if (t.starts_with('|')) t.remove_prefix(1);
  if (t.ends_with('|')) t.remove_suffix(1);
  std::string out;
  for (std::size_t start = 0;;) {
    const std::size_t bar = t.find('|', start);
    if (!out.empty()) out += '\t';
    out += trim(t.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) return out;
    start = bar + 1;
  }
}

std::string without_strong_marks(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t start = 0; start < line.size();) {
    const std::size_t marks = std::min(line.find("**", start), line.size());
    out.append(line, start, marks - start);
    start = marks + 2;
  }
  return out;
}

std::string strip_line(std::string_view line) {
  if (is_rule(line)) return {};
  line = without_quote_mark(without_heading_mark(line));
  if (trim(line).starts_with('|')) return without_strong_marks(table_row(line));
  return without_strong_marks(line);
}

// Whether out ends where a block may start: nothing yet, or an empty line.
bool at_block_start(std::string_view out) { return out.empty() || out.ends_with("\n\n"); }

}  // namespace

std::string strip_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool after_heading = false;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    // Markdown ends a paragraph at a heading and the heading at its line end,
    // with or without empty lines around it; the reader needs the empty lines.
    const bool heading = is_heading(line);
    if ((heading && !at_block_start(out)) || (after_heading && !trim(line).empty())) out += '\n';
    out += strip_line(line);
    if (!last) out += '\n';
    after_heading = heading;
    start = end + 1;
  }
  return out;
}

}  // namespace imr::indexer::reader
