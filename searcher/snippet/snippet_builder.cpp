// Window choice by hit density, and the snippet's HTML.
#include "snippet_builder.h"

#include <algorithm>

#include "marked_html.h"

namespace imr::searcher {
namespace {

using schema::Token;

// Share of a window's spare room put before its first hit.
constexpr std::size_t kLeadDivisor = 3;

struct Cluster {
  std::size_t first = 0, last = 0;  // indexes into hits, inclusive
};

// The run of hits that fits in `length` bytes with the most hits (earliest on ties).
Cluster densest(std::span<const TextRange> hits, const std::vector<bool>& used, std::size_t length) {
  Cluster best;
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (used[i]) continue;
    std::size_t j = i;
    while (j + 1 < hits.size() && !used[j + 1] && hits[j + 1].end - hits[i].start <= length) ++j;
    if (j - i + 1 > best_count) {
      best = {i, j};
      best_count = j - i + 1;
    }
  }
  return best;
}

// A window of about `length` bytes around core, moved onto token boundaries.
TextRange window_around(std::string_view text, const TokensIn& tokens_in, std::span<const TextRange> hits,
                        TextRange core, std::size_t length) {
  const std::size_t size = text.size();
  const std::size_t spare = length > core.end - core.start ? length - (core.end - core.start) : 0;
  std::size_t begin = core.start > spare / kLeadDivisor ? core.start - spare / kLeadDivisor : 0;
  if (begin + length > size) begin = size > length ? size - length : 0;
  begin = std::min<std::size_t>(begin, core.start);
  const std::size_t end_limit = std::max<std::size_t>(begin + length, core.end);

  TextRange w{core.start, core.end};
  const std::vector<Token> tokens =
      tokens_in({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end_limit)});
  for (const Token& t : tokens) {
    if (t.start >= begin && t.start < w.start) w.start = t.start;
    if (t.end <= end_limit && t.end > w.end) w.end = t.end;
  }
  if (begin == 0) w.start = 0;
  for (const TextRange& h : hits) {  // never leave a hit half inside
    if (h.start < w.end && h.end > w.end) w.end = h.end;
    if (h.start < w.start && h.end > w.start) w.start = h.start;
  }
  return w;
}

TextRange core_of(std::span<const TextRange> hits, Cluster c) { return {hits[c.first].start, hits[c.last].end}; }

void mark_used(std::vector<bool>& used, std::span<const TextRange> hits, TextRange window) {
  for (std::size_t i = 0; i < hits.size(); ++i)
    if (hits[i].start >= window.start && hits[i].end <= window.end) used[i] = true;
}

}  // namespace

std::vector<TextRange> snippet_windows(std::string_view text, const TokensIn& tokens, std::span<const TextRange> hits,
                                       std::size_t length) {
  if (hits.empty()) return {window_around(text, tokens, hits, {0, 0}, length)};
  std::vector<bool> used(hits.size(), false);
  const std::size_t half = length / 2;
  const TextRange first = window_around(text, tokens, hits, core_of(hits, densest(hits, used, half)), half);
  mark_used(used, hits, first);
  if (std::ranges::all_of(used, [](bool u) { return u; })) {
    const Cluster whole = densest(hits, std::vector<bool>(hits.size(), false), length);
    return {window_around(text, tokens, hits, core_of(hits, whole), length)};
  }
  const TextRange second = window_around(text, tokens, hits, core_of(hits, densest(hits, used, half)), half);
  std::vector<TextRange> out{first, second};
  std::ranges::sort(out, {}, &TextRange::start);
  if (out[0].end >= out[1].start) return {{out[0].start, std::max(out[0].end, out[1].end)}};
  return out;
}

std::string build_snippet(std::string_view text, std::span<const Token> tokens, std::span<const TextRange> hits,
                          std::size_t length) {
  return build_snippet(
      text, [tokens](TextRange) { return std::vector<Token>(tokens.begin(), tokens.end()); }, hits, length);
}

std::string build_snippet(std::string_view text, const TokensIn& tokens, std::span<const TextRange> hits,
                          std::size_t length) {
  std::string out;
  const std::vector<TextRange> windows = snippet_windows(text, tokens, hits, length);
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (i > 0)
      out += " … ";
    else if (windows[i].start > 0)
      out += "… ";
    append_marked(out, text, windows[i], hits);
  }
  if (!windows.empty() && windows.back().end < text.size()) out += " …";
  return out;
}

}  // namespace imr::searcher
