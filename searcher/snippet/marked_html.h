// Letter text as HTML: everything escaped, only our own <mark> tags added.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/snippet/text_range.h"

namespace imr::searcher {

// Escapes & < > " ' and turns every run of white space into one space.
void append_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// text[range] escaped, with the parts covered by hits (sorted, non-overlapping)
// wrapped in <mark>; a hit crossing the range's edge is marked up to the edge.
void append_marked(std::string& out, std::string_view text, TextRange range, std::span<const TextRange> hits);

// The paragraphs of text (split at blank lines), those with anything but white space.
std::vector<TextRange> paragraphs(std::string_view text);

// The whole text as <p> paragraphs (split at blank lines), hits marked.
std::string marked_document(std::string_view text, std::span<const TextRange> hits);

}  // namespace imr::searcher
