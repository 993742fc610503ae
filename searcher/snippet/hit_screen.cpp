// HitScreen: needles from the highlights, case-insensitive search for them.
//
// Why it is safe: an ASCII token's term is its text in lower case (see
// schema::normalize_term), so a term, prefix or phrase highlight can only hit
// an ASCII part containing its (first) term. An English Snowball stem is the
// word with a suffix removed or rewritten, and the rewrites (e.g. "biliti" ->
// "ble", "y" -> "i", "hoping" -> "hope") change at most the stem's last few
// bytes, so the stem without its last kStemSlack bytes is in the word. Parts
// with any non-ASCII byte always pass: case folding may turn them into ASCII.
#include "imr/snippet/hit_screen.h"

#include <algorithm>

#include "imr/schema/field.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kStemSlack = 4;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string needle_of(const Highlight& h) {
  if (h.terms.empty()) return {};
  const std::string& term = h.terms[0];
  if (h.kind != Highlight::Kind::stem) return term;
  const std::string_view stem = std::string_view(term).substr(std::min(term.size(), schema::prefix::stem.size()));
  return std::string(stem.substr(0, stem.size() > kStemSlack ? stem.size() - kStemSlack : 0));
}

namespace {

bool contains_folded(std::string_view text, std::string_view needle) {
  // std::search, not std::ranges::search: clang 14 cannot compile the latter
  // with a predicate over libstdc++ 12, and the sanitizer build uses clang.
  return needle.empty() || std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                                       [](char a, char b) { return lower(a) == b; }) != text.end();
}

}  // namespace

HitScreen::HitScreen(std::span<const Highlight> highlights) {
  for (const Highlight& h : highlights) {
    std::string needle = needle_of(h);
    if (needle.empty() || !text::is_ascii(needle)) pass_all_ = true;
    needles_.push_back(std::move(needle));
  }
}

bool HitScreen::may_hit(std::string_view part) const {
  if (pass_all_ || !text::is_ascii(part)) return !needles_.empty();
  return std::ranges::any_of(needles_, [&](const std::string& n) { return contains_folded(part, n); });
}

}  // namespace imr::searcher
