// Third step of the analysis chain: Unicode NFKC with case folding, so
// "CARISOPRODOL", "Carisoprodol" and full-width forms become one term.
#pragma once

#include <string>
#include <string_view>

namespace imr::schema {

// Stateless and thread-safe.
std::string normalize_term(std::string_view utf8);

// NFKC (without case folding) of a whole text; invalid UTF-8 becomes U+FFFD.
std::string normalize_text(std::string_view utf8);

}  // namespace imr::schema
