// The snippet module's front door: a query's highlights applied to a text,
// as a snippet, as a whole marked document, or as a yes/no.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "imr/query/parsed_query.h"
#include "imr/schema/analyzer.h"
#include "imr/snippet/hit_finder.h"
#include "imr/snippet/hit_screen.h"

namespace imr::searcher {

// Not thread-safe (uses the caller's Analyzer): one per thread or per request.
// Texts are analysed a paragraph at a time, and only the paragraphs that can
// hold a hit (HitScreen) or that a snippet's window reaches, so a phrase is
// never found across a blank line; without phrases, only the runs between
// whitespace that can hold a hit are analysed.
class Highlighter {
 public:
  // Both must outlive the highlighter.
  Highlighter(const schema::Analyzer& analyzer, std::span<const Highlight> highlights);

  std::vector<TextRange> hits(std::string_view text) const;
  bool hits_in(std::string_view text) const;
  // The best windows with hits marked; the opening of the text when nothing hits.
  std::string snippet(std::string_view text) const;
  // The whole text as <p> paragraphs with every hit marked.
  std::string document(std::string_view text) const;

 private:
  // The tokens of one paragraph (or a run of one), at their offsets in text.
  std::vector<schema::Token> tokens_of(std::string_view text, TextRange range) const;
  // The hits of one paragraph: none without analysis when the screen rules it
  // out, else from its candidate runs alone where the screen gives them.
  std::vector<TextRange> hits_of(std::string_view text, TextRange paragraph) const;

  const schema::Analyzer& analyzer_;
  HitFinder finder_;
  HitScreen screen_;
  // Paragraphs already analysed, by their text, with offsets from their own
  // start: a hit's rationale is a paragraph of its letter too, and one
  // request's renderer looks at both.
  mutable std::unordered_map<std::string, std::vector<schema::Token>> analysed_;
};

}  // namespace imr::searcher
