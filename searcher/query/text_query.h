// Free text of a query as Xapian queries over the terms the analyzer gives:
// words (exact term above its stem, compounds, drug names and abbreviations
// with their synonyms), quoted phrases, and trailing wildcards.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <xapian.h>

#include "build_context.h"
#include "lexer.h"

namespace imr::searcher {

// An unquoted word, or a wildcard when it ends in '*'; nullopt when the
// analyzer finds nothing searchable in it (punctuation).
std::optional<Xapian::Query> word_query(BuildContext& ctx, const Lexeme& word);

// A quoted phrase: its terms at consecutive positions, no stems or synonyms.
std::optional<Xapian::Query> phrase_query(BuildContext& ctx, std::string_view text);

// The single term an unquoted word analyses to, or nullopt when it is
// several terms, a compound or a wildcard (used to find multiword synonyms).
std::optional<std::string> single_term(const BuildContext& ctx, const Lexeme& word);

// Other ways of writing the consecutive words `terms` (abbreviations and
// their expansions), ORed; nullopt when there are none.
std::optional<Xapian::Query> synonyms_query(BuildContext& ctx, std::span<const std::string> terms);

}  // namespace imr::searcher
