// Highlighter: analyse once, then find hits and render.
#include "snippet/highlighter.h"

#include "snippet/marked_html.h"
#include "snippet/snippet_builder.h"

namespace imr::searcher {

Highlighter::Highlighter(const schema::Analyzer& analyzer, std::span<const Highlight> highlights)
    : analyzer_(analyzer), finder_(analyzer, highlights) {}

std::vector<TextRange> Highlighter::hits(std::string_view text) const {
  return finder_.find(analyzer_.tokens(text));
}

std::string Highlighter::snippet(std::string_view text) const {
  const std::vector<schema::Token> tokens = analyzer_.tokens(text);
  return build_snippet(text, tokens, finder_.find(tokens));
}

std::string Highlighter::document(std::string_view text) const { return marked_document(text, hits(text)); }

}  // namespace imr::searcher
