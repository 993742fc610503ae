// The snippet module's front door: a query's highlights applied to a text,
// as a snippet, as a whole marked document, or as a yes/no.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/analyzer.h"
#include "query/parsed_query.h"
#include "snippet/hit_finder.h"

namespace imr::searcher {

// Not thread-safe (uses the caller's Analyzer): one per thread or per request.
class Highlighter {
 public:
  // Both must outlive the highlighter.
  Highlighter(const schema::Analyzer& analyzer, std::span<const Highlight> highlights);

  std::vector<TextRange> hits(std::string_view text) const;
  bool hits_in(std::string_view text) const { return !hits(text).empty(); }
  // The best windows with hits marked; the opening of the text when nothing hits.
  std::string snippet(std::string_view text) const;
  // The whole text as <p> paragraphs with every hit marked.
  std::string document(std::string_view text) const;

 private:
  const schema::Analyzer& analyzer_;
  HitFinder finder_;
};

}  // namespace imr::searcher
