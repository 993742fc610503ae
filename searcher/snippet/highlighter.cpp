// Highlighter: analyse only the paragraphs that matter, then find hits and render.
#include "imr/snippet/highlighter.h"

#include <algorithm>
#include <iterator>

#include "marked_html.h"
#include "snippet_builder.h"

namespace imr::searcher {
namespace {

// A paragraph whose tokens a snippet window around these hits may end on
// (windows reach at most kSnippetLength bytes past their hits, or from the
// text's opening when nothing hits).
bool near(TextRange paragraph, std::span<const TextRange> hits) {
  if (hits.empty()) return paragraph.start < kSnippetLength;
  return std::ranges::any_of(hits, [&](const TextRange& h) {
    return paragraph.start < h.end + kSnippetLength && paragraph.end + kSnippetLength > h.start;
  });
}

// Bounds the memory of one highlighter (a page of hits has a few hundred paragraphs).
constexpr std::size_t kMaxAnalysedParagraphs = 1024;

}  // namespace

Highlighter::Highlighter(const schema::Analyzer& analyzer, std::span<const Highlight> highlights)
    : analyzer_(analyzer), finder_(analyzer, highlights), screen_(highlights) {}

std::vector<schema::Token> Highlighter::tokens_of(std::string_view text, TextRange paragraph) const {
  const std::string_view part = text.substr(paragraph.start, paragraph.end - paragraph.start);
  auto found = analysed_.find(std::string(part));
  if (found == analysed_.end()) {
    if (analysed_.size() >= kMaxAnalysedParagraphs) analysed_.clear();
    found = analysed_.emplace(std::string(part), analyzer_.tokens(part)).first;
  }
  std::vector<schema::Token> tokens = found->second;
  for (schema::Token& t : tokens) {
    t.start += paragraph.start;
    t.end += paragraph.start;
  }
  return tokens;
}

std::vector<TextRange> Highlighter::hits_of(std::string_view text, TextRange paragraph,
                                            std::vector<schema::Token>& tokens) const {
  if (!screen_.may_hit(text.substr(paragraph.start, paragraph.end - paragraph.start))) return {};
  tokens = tokens_of(text, paragraph);
  return finder_.find(tokens);
}

std::vector<TextRange> Highlighter::hits(std::string_view text) const {
  std::vector<TextRange> out;
  std::vector<schema::Token> tokens;
  for (const TextRange& paragraph : paragraphs(text))
    std::ranges::copy(hits_of(text, paragraph, tokens), std::back_inserter(out));
  return out;
}

bool Highlighter::hits_in(std::string_view text) const {
  std::vector<schema::Token> tokens;
  return std::ranges::any_of(paragraphs(text),
                             [&](const TextRange& paragraph) { return !hits_of(text, paragraph, tokens).empty(); });
}

std::string Highlighter::snippet(std::string_view text) const {
  const std::vector<TextRange> parts = paragraphs(text);
  std::vector<std::vector<schema::Token>> tokens(parts.size());
  std::vector<TextRange> hits;
  for (std::size_t i = 0; i < parts.size(); ++i)
    std::ranges::copy(hits_of(text, parts[i], tokens[i]), std::back_inserter(hits));
  std::vector<schema::Token> window_tokens;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!near(parts[i], hits)) continue;
    if (tokens[i].empty()) tokens[i] = tokens_of(text, parts[i]);
    std::ranges::move(tokens[i], std::back_inserter(window_tokens));
  }
  return build_snippet(text, window_tokens, hits);
}

std::string Highlighter::document(std::string_view text) const { return marked_document(text, hits(text)); }

}  // namespace imr::searcher
