// Snippets: the one or two windows of a text densest in hits, cut at word
// boundaries, escaped, hits marked, joined with " … ".
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "imr/schema/token.h"
#include "imr/snippet/text_range.h"

namespace imr::searcher {

// Characters (bytes) of letter text a snippet quotes, about.
inline constexpr std::size_t kSnippetLength = 260;

// The text's tokens that lie in a range (it may give more, never fewer): a
// window needs only the tokens around it, so the rest need no analysis.
using TokensIn = std::function<std::vector<schema::Token>(TextRange)>;

// The windows to quote, in text order: the densest cluster of hits, plus a
// second cluster when hits lie outside the first; the opening of the text
// when there are no hits. Windows start and end on token boundaries.
std::vector<TextRange> snippet_windows(std::string_view text, const TokensIn& tokens_in,
                                       std::span<const TextRange> hits, std::size_t length = kSnippetLength);

// The HTML snippet of those windows, with "…" where text was left out.
std::string build_snippet(std::string_view text, const TokensIn& tokens_in, std::span<const TextRange> hits,
                          std::size_t length = kSnippetLength);
// The same from every token of the text.
std::string build_snippet(std::string_view text, std::span<const schema::Token> tokens, std::span<const TextRange> hits,
                          std::size_t length = kSnippetLength);

}  // namespace imr::searcher
