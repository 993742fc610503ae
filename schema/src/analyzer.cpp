#include "imr/schema/analyzer.h"

#include <algorithm>
#include <cctype>

#include "compound_filter.h"
#include "imr/schema/field.h"
#include "imr/schema/term_normalizer.h"

namespace imr::schema {
namespace {

bool stemmable(std::string_view term) {
  if (term.size() < 2) return false;
  return std::ranges::all_of(term, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || c == '\'' || u >= 0x80;
  });
}

Token make_token(std::string_view text, Span span, std::uint32_t position, bool compound) {
  return Token{normalize_term(text.substr(span.start, span.end - span.start)), position, span.start, span.end,
               compound};
}

}  // namespace

Analyzer::Analyzer() : stemmer_("english") {}

std::vector<Token> Analyzer::tokens(std::string_view text, std::uint32_t first_position) const {
  const std::vector<Span> words = tokenizer_.words(text);
  std::vector<Token> out;
  out.reserve(words.size() + words.size() / 8);
  std::uint32_t position = first_position;
  for_each_group(text, words, [&](const WordGroup& g) {
    if (g.compound()) out.push_back(make_token(text, g.whole, position, true));
    for (const Span& part : g.parts) out.push_back(make_token(text, part, position++, false));
  });
  std::erase_if(out, [](const Token& t) { return t.term.empty() || t.term.size() > kMaxTermBytes; });
  return out;
}

std::string Analyzer::stem_term(std::string_view term) const {
  if (!stemmable(term)) return {};
  return std::string(prefix::stem) + stemmer_(std::string(term));
}

bool Analyzer::own_stem(std::string_view term, std::string_view stem) {
  return stem.size() == prefix::stem.size() + term.size() && stem.substr(prefix::stem.size()) == term;
}

std::string Analyzer::indexed_stem_term(std::string_view term) const {
  std::string stem = stem_term(term);
  return own_stem(term, stem) ? std::string() : stem;
}

std::vector<std::string> Analyzer::stem_query_terms(std::string_view term) const {
  std::string stem = stem_term(term);
  if (stem.empty()) return {};
  // Snowball is not idempotent: a word equal to the stem may stem to something
  // else, and then its letters never held this stem term.
  std::string word = stem.substr(prefix::stem.size());
  const bool word_is_own_stem = own_stem(word, stem_term(word));
  std::vector<std::string> out{std::move(stem)};
  if (word_is_own_stem) out.push_back(std::move(word));
  return out;
}

}  // namespace imr::schema
