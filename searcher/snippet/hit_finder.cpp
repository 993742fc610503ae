// HitFinder: token-by-token matching, phrases by consecutive positions.
#include "imr/snippet/hit_finder.h"

#include <algorithm>

#include "imr/schema/text.h"
#include "imr/snippet/hit_screen.h"

namespace imr::searcher {
namespace {

using schema::Token;

// Tokens are in position order, so the tokens at one position are a run.
std::span<const Token> at_position(std::span<const Token> tokens, std::uint32_t position) {
  const auto first = std::ranges::lower_bound(tokens, position, {}, &Token::position);
  const auto last = std::ranges::upper_bound(first, tokens.end(), position, {}, &Token::position);
  return {first, last};
}

const Token* find_term(std::span<const Token> tokens, const std::string& term) {
  const auto it = std::ranges::find(tokens, term, &Token::term);
  return it == tokens.end() ? nullptr : &*it;
}

// Bounds the stem memory of one finder (a request's letters have far fewer distinct words).
constexpr std::size_t kMaxRememberedStems = 1 << 16;

}  // namespace

HitFinder::HitFinder(const schema::Analyzer& analyzer, std::span<const Highlight> highlights)
    : analyzer_(analyzer), highlights_(highlights) {
  for (const Highlight& h : highlights_) needles_.push_back(needle_of(h));
}

const std::string& HitFinder::stem_of(const std::string& term) const {
  if (const auto it = stems_.find(term); it != stems_.end()) return it->second;
  if (stems_.size() >= kMaxRememberedStems) stems_.clear();
  return stems_.emplace(term, analyzer_.stem_term(term)).first->second;
}

bool HitFinder::token_hits(const Token& token, const Highlight& h, std::string_view needle) const {
  if (h.terms.empty()) return false;
  if (!needle.empty() && text::is_ascii(needle) && text::is_ascii(token.term) &&
      token.term.find(needle) == std::string::npos)
    return false;
  switch (h.kind) {
    case Highlight::Kind::term:
      return token.term == h.terms[0];
    case Highlight::Kind::stem:
      return !token.compound && stem_of(token.term) == h.terms[0];
    case Highlight::Kind::prefix:
      return token.term.starts_with(h.terms[0]);
    case Highlight::Kind::phrase:
      return false;
  }
  return false;
}

void HitFinder::add_phrases(std::span<const Token> tokens, const Highlight& h, std::vector<TextRange>& out) const {
  if (h.terms.empty()) return;
  for (const Token& first : tokens) {
    if (first.term != h.terms[0]) continue;
    const Token* last = &first;
    for (std::size_t k = 1; k < h.terms.size() && last; ++k)
      last = find_term(at_position(tokens, first.position + static_cast<std::uint32_t>(k)), h.terms[k]);
    if (last) out.push_back({first.start, std::max(first.end, last->end)});
  }
}

std::vector<TextRange> HitFinder::find(std::span<const Token> tokens) const {
  std::vector<TextRange> out;
  for (std::size_t i = 0; i < highlights_.size(); ++i) {
    const Highlight& h = highlights_[i];
    if (h.kind == Highlight::Kind::phrase) {
      add_phrases(tokens, h, out);
      continue;
    }
    for (const Token& t : tokens)
      if (token_hits(t, h, needles_[i])) out.push_back({t.start, t.end});
  }
  return merged(std::move(out));
}

}  // namespace imr::searcher
