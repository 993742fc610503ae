// SpellingSuggester: rare query words against the index's own terms.
#include "spelling_suggester.h"

#include <algorithm>
#include <vector>

#include "lexer.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kMinWordBytes = 4;
constexpr std::size_t kLongWordBytes = 6;

bool all_letters(std::string_view term) {
  return std::ranges::all_of(term,
                             [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; });
}

// Optimal string alignment distance (a swap of neighbours is one edit), or
// limit + 1 as soon as it must exceed limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    before.swap(prev);
    prev.swap(row);
  }
  return prev[b.size()];
}

struct Candidate {
  std::string term;
  std::size_t distance;
  Xapian::doccount letters;

  bool better_than(const Candidate& other) const {
    return distance != other.distance ? distance < other.distance : letters > other.letters;
  }
};

}  // namespace

SpellingSuggester::SpellingSuggester(const schema::Analyzer& analyzer, const Thesaurus& thesaurus)
    : analyzer_(analyzer), thesaurus_(thesaurus) {}

std::optional<std::string> SpellingSuggester::correction(const Xapian::Database& db, std::string_view word) const {
  const std::vector<schema::Token> tokens = analyzer_.tokens(word);
  if (tokens.size() != 1) return std::nullopt;
  const std::string& term = tokens.front().term;
  if (term.size() < kMinWordBytes || !all_letters(term)) return std::nullopt;
  const std::size_t limit = term.size() >= kLongWordBytes ? 2 : 1;
  // The vocabulary lists common misspellings as names of their generic
  // ("hydrocodon"); those already find the generic, but the person should
  // see its spelling. Other names (brands like "soma") are right as typed.
  if (const std::vector<std::string> generics = thesaurus_.generics_of(term); !generics.empty()) {
    if (generics.size() == 1 && generics.front() != term && edit_distance(term, generics.front(), limit) <= limit)
      return generics.front();
    return std::nullopt;
  }
  const Xapian::doccount letters = db.get_termfreq(term);
  if (letters >= kRareLetters) return std::nullopt;

  const Xapian::doccount needed = std::max<Xapian::doccount>(1, letters * kMoreTimes);
  std::optional<Candidate> best;
  const std::string first(1, term.front());
  for (auto it = db.allterms_begin(first); it != db.allterms_end(first); ++it) {
    const std::string other = *it;
    if (other == term || it.get_termfreq() < needed) continue;
    const std::size_t d = edit_distance(term, other, limit);
    if (d > limit) continue;
    Candidate c{other, d, it.get_termfreq()};
    if (!best || c.better_than(*best)) best = std::move(c);
  }
  if (!best) return std::nullopt;
  return best->term;
}

std::optional<std::string> SpellingSuggester::suggest(const Xapian::Database& db, std::string_view query) const {
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  for (const Lexeme& l : lex_query(query)) {
    if (l.kind != Lexeme::Kind::word || l.text.ends_with('*')) continue;
    const std::optional<std::string> fix = correction(db, l.text);
    if (!fix) continue;
    const std::size_t at = static_cast<std::size_t>(l.text.data() - query.data());
    out.append(query.substr(copied, at - copied)).append(*fix);
    copied = at + l.text.size();
    changed = true;
  }
  if (!changed) return std::nullopt;
  return out.append(query.substr(copied));
}

}  // namespace imr::searcher
