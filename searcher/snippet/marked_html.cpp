// HTML rendering of letter text with marked hits, shared by snippets and /api/doc.
#include "marked_html.h"

#include <algorithm>

namespace imr::searcher {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return {};
  }
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_space(c)) {
      while (i + 1 < text.size() && is_space(text[i + 1])) ++i;
      out += ' ';
    } else if (const std::string_view e = entity(c); !e.empty()) {
      out += e;
    } else {
      out += c;
    }
  }
}

std::string html_escape(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

void append_marked(std::string& out, std::string_view text, TextRange range, std::span<const TextRange> hits) {
  std::uint32_t at = range.start;
  for (const TextRange& hit : hits) {
    const std::uint32_t start = std::max(hit.start, at);
    const std::uint32_t end = std::min(hit.end, range.end);
    if (start >= end) continue;
    append_escaped(out, text.substr(at, start - at));
    out += "<mark>";
    append_escaped(out, text.substr(start, end - start));
    out += "</mark>";
    at = end;
  }
  if (at < range.end) append_escaped(out, text.substr(at, range.end - at));
}

std::vector<TextRange> paragraphs(std::string_view text) {
  std::vector<TextRange> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(begin, end - begin).find_first_not_of(" \t\r\n\f\v") != std::string_view::npos)
      out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    begin = end + 2;
  }
  return out;
}

std::string marked_document(std::string_view text, std::span<const TextRange> hits) {
  std::string out;
  for (const TextRange& paragraph : paragraphs(text)) {
    out += "<p>";
    append_marked(out, text, paragraph, hits);
    out += "</p>\n";
  }
  return out;
}

}  // namespace imr::searcher
