// HitScreen: needles from the highlights, case-insensitive search for them.
//
// Why it is safe: an ASCII token's term is its text in lower case (see
// schema::normalize_term), so a term, prefix or phrase highlight can only hit
// an ASCII part containing its (first) term. An English Snowball stem is the
// word with a suffix removed or rewritten, and the rewrites (e.g. "biliti" ->
// "ble", "y" -> "i", "hoping" -> "hope") change at most the stem's last few
// bytes, so the stem without its last kStemSlack bytes is in the word; and
// since only suffixes change, a word always begins with its stem's first
// byte. Parts with any non-ASCII byte always pass: case folding may turn
// them into ASCII.
//
// Why runs suffice: in ASCII text, whitespace is always a word boundary
// (Unicode's word rules join nothing across it but more whitespace), and the
// compound filter joins words only across "-", "/" or "@". So a run between
// whitespace yields the same tokens alone as inside its paragraph; only their
// positions differ, and within a span of whole runs all by the same offset,
// so a phrase is found in any span that reaches its last word. And a token never starts
// right after an ASCII letter (letters join letters, digits and "_"), while
// every needle is the start of the tokens it stands for: an occurrence after
// a letter needs no look.
#include "imr/snippet/hit_screen.h"

#include <algorithm>

#include "imr/schema/field.h"
#include "imr/schema/text.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kStemSlack = 4;

}  // namespace

std::string needle_of(const Highlight& h) {
  if (h.terms.empty()) return {};
  const std::string& term = h.terms[0];
  if (h.kind != Highlight::Kind::stem) return term;
  const std::string_view stem = std::string_view(term).substr(std::min(term.size(), schema::prefix::stem.size()));
  return std::string(stem.substr(0, std::max<std::size_t>(1, stem.size() > kStemSlack ? stem.size() - kStemSlack : 0)));
}

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_alnum(char c) { return is_letter(c) || (c >= '0' && c <= '9'); }

}  // namespace

HitScreen::HitScreen(std::span<const Highlight> highlights) {
  for (const Highlight& h : highlights) {
    std::string needle = needle_of(h);
    if (needle.empty() || !text::is_ascii(needle)) pass_all_ = true;
    needles_.push_back(std::move(needle));
    words_after_.push_back(h.kind == Highlight::Kind::phrase && !h.terms.empty() ? h.terms.size() - 1 : 0);
  }
}

bool HitScreen::may_hit(std::string_view part) const {
  if (pass_all_ || !text::is_ascii(part)) return !needles_.empty();
  // Lowered once, then searched with the library's fast find, needle by needle.
  const std::string lowered = text::lower(part);
  return std::ranges::any_of(needles_, [&](const std::string& n) { return lowered.find(n) != std::string::npos; });
}

TextRange whole_runs(std::string_view text, TextRange range) {
  std::size_t start = std::min<std::size_t>(range.start, text.size());
  while (start > 0 && !is_space(text[start - 1])) --start;
  std::size_t end = std::min<std::size_t>(range.end, text.size());
  while (end < text.size() && !is_space(text[end])) ++end;
  return {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)};
}

namespace {

// The run holding a needle, and for a phrase the runs after it up to the
// one holding its last word at the latest: every ASCII run with a letter or
// a digit takes at least one position, so n - 1 such runs after the first
// reach the phrase's n-th position.
TextRange candidate_window(std::string_view part, std::size_t at, std::size_t words_after) {
  TextRange window = whole_runs(part, {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at)});
  for (std::size_t end = window.end; words_after > 0 && end < part.size();) {
    std::size_t start = end;
    while (start < part.size() && is_space(part[start])) ++start;
    end = whole_runs(part, {static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start)}).end;
    if (std::ranges::any_of(part.substr(start, end - start), is_alnum)) --words_after;
    window.end = static_cast<std::uint32_t>(end);
  }
  return window;
}

}  // namespace

std::optional<std::vector<TextRange>> HitScreen::candidate_runs(std::string_view part) const {
  if (pass_all_ || needles_.empty() || !text::is_ascii(part)) return std::nullopt;
  const std::string lowered = text::lower(part);
  std::vector<TextRange> windows;
  for (std::size_t n = 0; n < needles_.size(); ++n) {
    for (std::size_t at = lowered.find(needles_[n]); at != std::string::npos;) {
      if (at > 0 && is_letter(part[at - 1])) {
        at = lowered.find(needles_[n], at + 1);
        continue;
      }
      const TextRange run = whole_runs(part, {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at)});
      windows.push_back(candidate_window(part, at, words_after_[n]));
      at = lowered.find(needles_[n], run.end);
    }
  }
  // Overlapping windows joined: each token is analysed once, and a hit found once.
  return merged(std::move(windows));
}

}  // namespace imr::searcher
