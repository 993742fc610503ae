// strip_markdown: line by line, each line rewritten on its own.
#include "markdown_markup.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

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

bool is_table_row(std::string_view line) { return trim(line).starts_with('|'); }

std::vector<std::string_view> table_cells(std::string_view line) {
  std::string_view t = trim(line);
  if (t.starts_with('|')) t.remove_prefix(1);
  if (t.ends_with('|')) t.remove_suffix(1);
  std::vector<std::string_view> cells;
  for (std::size_t start = 0;;) {
    const std::size_t bar = t.find('|', start);
    const std::string_view cell =
        trim(t.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (!cell.empty()) cells.push_back(cell);
    if (bar == std::string_view::npos) return cells;
    start = bar + 1;
  }
}

// The cells of a plain-text table row: apart by a tab or two spaces or more.
std::vector<std::string_view> spaced_cells(std::string_view line) {
  const std::string_view t = trim(line);
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool gap = t[i] == '\t' || (t[i] == ' ' && i + 1 < t.size() && t[i + 1] == ' ');
    if (!gap) continue;
    if (i > start) cells.push_back(t.substr(start, i - start));
    while (i < t.size() && is_blank(t[i])) ++i;
    start = i;
  }
  if (start < t.size()) cells.push_back(t.substr(start));
  return cells;
}

bool is_row_number(std::string_view cell) {
  return !cell.empty() && cell.size() <= 2 && std::ranges::all_of(cell, [](char c) { return c >= '0' && c <= '9'; });
}

// A header row of column names ("| Item | Decision |"): names, not letter
// text; kept, they would read as the first line of the row below. A header
// row that holds a field ("| Case Number: | CM1 |") or a number is content.
// Plain text draws the same table with columns apart by two spaces or more,
// ruled by dashes ("Disputed item/service     Determination" / "-------   ---").
bool is_column_names(std::string_view line, std::string_view next_line) {
  if (!is_rule(next_line)) return false;
  const std::vector<std::string_view> cells = is_table_row(line) ? table_cells(line) : spaced_cells(line);
  if (!is_table_row(next_line) && (is_table_row(line) || cells.size() < 2)) return false;
  return std::ranges::none_of(cells, [](std::string_view cell) {
    return cell.ends_with(':') || std::ranges::any_of(cell, [](char c) { return c >= '0' && c <= '9'; });
  });
}

// A row read as a line of a letter: "| 1 | Norco #90 | Upheld |" -> "1. Norco
// #90: Upheld", the way item headings print; "| Case Number: | CM1 |" ->
// "Case Number: CM1"; other cells apart by a tab.
std::string table_row(std::string_view line) {
  const std::vector<std::string_view> cells = table_cells(line);
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    out += cells[i];
    if (i + 1 == cells.size()) break;
    if (cells[i].ends_with(':'))
      out += ' ';
    else if (i == 0 && is_row_number(cells[i]))
      out += ". ";
    else
      out += i + 2 == cells.size() ? ": " : "\t";
  }
  return out;
}

// "**Norco 10/325mg #60** Upheld": the bold span is an item heading and the
// one word after it its decision; read as "Norco 10/325mg #60: Upheld", the
// way plain text prints it. A span ending in a colon is a label already.
std::string with_decision_colon(std::string_view line) {
  const std::string_view t = trim(line);
  if (!t.starts_with("**")) return std::string(line);
  const std::size_t close = t.find("**", 2);
  if (close == std::string_view::npos || close == 2 || t[close - 1] == ':') return std::string(line);
  const std::string_view word = trim(t.substr(close + 2));
  const bool one_word =
      !word.empty() && word.size() < t.size() && std::isupper(static_cast<unsigned char>(word.front())) != 0 &&
      std::ranges::all_of(word, [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (!one_word || t.substr(close + 2).front() != ' ') return std::string(line);
  return std::string(t.substr(0, close)) + ":** " + std::string(word);
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

std::string strip_line(std::string_view line, std::string_view next_line) {
  if (is_rule(line) || is_column_names(line, next_line)) return {};
  line = without_quote_mark(without_heading_mark(line));
  if (is_table_row(line)) return without_strong_marks(table_row(line));
  return without_strong_marks(with_decision_colon(line));
}

// Whether out ends where a block may start: nothing yet, or an empty line.
bool at_block_start(std::string_view out) { return out.empty() || out.ends_with("\n\n"); }

}  // namespace

std::string strip_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool after_block = false;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const std::size_t next_end = last ? end : std::min(text.find('\n', end + 1), text.size());
    const std::string_view next_line = last ? std::string_view{} : text.substr(end + 1, next_end - end - 1);
    // Markdown ends a paragraph at a heading and the heading at its line end,
    // with or without empty lines around it; a table row is a line of its own
    // too (an item of an item table). The reader needs the empty lines.
    const std::string stripped = strip_line(line, next_line);
    const bool block = is_heading(line) || (is_table_row(line) && !trim(stripped).empty());
    if ((block && !at_block_start(out)) || (after_block && !trim(stripped).empty())) out += '\n';
    out += stripped;
    if (!last) out += '\n';
    after_block = block;
    start = end + 1;
  }
  return out;
}

}  // namespace imr::indexer::reader
