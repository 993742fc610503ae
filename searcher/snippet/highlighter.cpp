// Highlighter: analyse only the paragraphs that matter, then find hits and render.
#include "imr/snippet/highlighter.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "imr/schema/text.h"
#include "marked_html.h"
#include "snippet_builder.h"

namespace imr::searcher {
namespace {

// Bounds the memory of one highlighter (a page of hits has a few hundred
// paragraphs, and a few thousand runs of a common word).
constexpr std::size_t kMaxAnalysedParts = 4096;

}  // namespace

Highlighter::Highlighter(const schema::Analyzer& analyzer, std::span<const Highlight> highlights)
    : analyzer_(analyzer), finder_(analyzer, highlights), screen_(highlights) {}

std::vector<schema::Token> Highlighter::tokens_of(std::string_view text, TextRange range) const {
  const std::string_view part = text.substr(range.start, range.end - range.start);
  auto found = analysed_.find(std::string(part));
  if (found == analysed_.end()) {
    if (analysed_.size() >= kMaxAnalysedParts) analysed_.clear();
    found = analysed_.emplace(std::string(part), analyzer_.tokens(part)).first;
  }
  std::vector<schema::Token> tokens = found->second;
  for (schema::Token& t : tokens) {
    t.start += range.start;
    t.end += range.start;
  }
  return tokens;
}

std::vector<TextRange> Highlighter::hits_of(std::string_view text, TextRange paragraph) const {
  const std::string_view part = text.substr(paragraph.start, paragraph.end - paragraph.start);
  if (!screen_.may_hit(part)) return {};
  const std::optional<std::vector<TextRange>> runs = screen_.candidate_runs(part);
  if (!runs) return finder_.find(tokens_of(text, paragraph));
  std::vector<TextRange> out;
  for (const TextRange& run : *runs)
    std::ranges::copy(finder_.find(tokens_of(text, {paragraph.start + run.start, paragraph.start + run.end})),
                      std::back_inserter(out));
  return out;
}

std::vector<TextRange> Highlighter::hits(std::string_view text) const {
  std::vector<TextRange> out;
  for (const TextRange& paragraph : paragraphs(text))
    std::ranges::copy(hits_of(text, paragraph), std::back_inserter(out));
  return out;
}

bool Highlighter::hits_in(std::string_view text) const {
  return std::ranges::any_of(paragraphs(text),
                             [&](const TextRange& paragraph) { return !hits_of(text, paragraph).empty(); });
}

std::string Highlighter::snippet(std::string_view text) const {
  const std::vector<TextRange> parts = paragraphs(text);
  std::vector<TextRange> hits;
  for (const TextRange& paragraph : parts) std::ranges::copy(hits_of(text, paragraph), std::back_inserter(hits));
  // Only what a window reaches is analysed: its runs of an ASCII paragraph,
  // else the whole paragraph.
  const auto tokens_in = [&](TextRange range) {
    std::vector<schema::Token> out;
    for (const TextRange& p : parts) {
      if (p.start >= range.end || p.end <= range.start) continue;
      const std::string_view part = text.substr(p.start, p.end - p.start);
      TextRange reach = p;
      if (text::is_ascii(part)) {
        const TextRange inside =
            whole_runs(part, {std::max(p.start, range.start) - p.start, std::min(p.end, range.end) - p.start});
        reach = {p.start + inside.start, p.start + inside.end};
      }
      std::ranges::move(tokens_of(text, reach), std::back_inserter(out));
    }
    return out;
  };
  return build_snippet(text, tokens_in, hits);
}

std::string Highlighter::document(std::string_view text) const { return marked_document(text, hits(text)); }

}  // namespace imr::searcher
