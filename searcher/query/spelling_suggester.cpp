// SpellingSuggester: rare query words against the index's own terms.
#include "spelling_suggester.h"

#include <algorithm>
#include <vector>

#include "imr/schema/field.h"
#include "imr/schema/term_normalizer.h"
#include "lexer.h"

namespace imr::searcher {
namespace {

constexpr std::size_t kMinWordBytes = 4;
constexpr std::size_t kLongWordBytes = 6;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

bool all_letters(std::string_view term) { return std::ranges::all_of(term, is_letter); }

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

std::size_t limit_for(std::string_view term) { return term.size() >= kLongWordBytes ? 2 : 1; }

// Identifier values ("muscle_relaxant") join words with underscores.
bool is_value_word(std::string_view value) {
  return std::ranges::all_of(value, [](char c) { return c == '_' || is_letter(c); });
}

// The closest term after prefix, within limit_for(term), starting with the
// same letter and in at least `needed` letters; without the prefix.
std::optional<std::string> closest(const Xapian::Database& db, const std::string& prefix, const std::string& term,
                                   Xapian::doccount needed) {
  const std::size_t limit = limit_for(term);
  std::optional<Candidate> best;
  const std::string first = prefix + term.front();
  for (auto it = db.allterms_begin(first); it != db.allterms_end(first); ++it) {
    std::string other = (*it).substr(prefix.size());
    if (other == term || it.get_termfreq() < needed) continue;
    const std::size_t d = edit_distance(term, other, limit);
    if (d > limit) continue;
    Candidate c{std::move(other), d, it.get_termfreq()};
    if (!best || c.better_than(*best)) best = std::move(c);
  }
  if (!best) return std::nullopt;
  return best->term;
}

// Field values the suggester corrects: those the vocabulary gives the letters.
bool is_vocabulary_field(std::string_view name) {
  const std::optional<schema::FieldId> id = schema::find_field(name);
  return id == schema::FieldId::drug || id == schema::FieldId::drug_class || id == schema::FieldId::category;
}

}  // namespace

SpellingSuggester::SpellingSuggester(const schema::Analyzer& analyzer, const Thesaurus& thesaurus)
    : analyzer_(analyzer), thesaurus_(thesaurus) {}

SpellingSuggester::Known SpellingSuggester::vocabulary_name(const std::string& term) const {
  // The vocabulary lists common misspellings as names of their generic
  // ("hydrocodon"); those already find the generic, but the person should
  // see its spelling. Other names (brands like "soma") are right as typed.
  const std::vector<std::string> generics = thesaurus_.generics_of(term);
  if (generics.empty()) return {};
  const std::size_t limit = limit_for(term);
  if (generics.size() == 1 && generics.front() != term && edit_distance(term, generics.front(), limit) <= limit)
    return {true, generics.front()};
  return {true, std::nullopt};
}

std::optional<std::string> SpellingSuggester::correction(const Xapian::Database& db, std::string_view word) const {
  const std::vector<schema::Token> tokens = analyzer_.tokens(word);
  if (tokens.size() != 1) return std::nullopt;
  const std::string& term = tokens.front().term;
  if (term.size() < kMinWordBytes || !all_letters(term)) return std::nullopt;
  if (const Known known = vocabulary_name(term); known.known) return known.generic;
  const Xapian::doccount letters = db.get_termfreq(term);
  if (letters >= kRareLetters) return std::nullopt;
  return closest(db, "", term, std::max<Xapian::doccount>(1, letters * kMoreTimes));
}

std::optional<std::string> SpellingSuggester::value_correction(const Xapian::Database& db, const Lexeme& field) const {
  const std::string typed = schema::normalize_term(field.text);
  if (typed.size() < kMinWordBytes || !is_value_word(typed)) return std::nullopt;
  const schema::FieldId id = *schema::find_field(field.field);
  if (id == schema::FieldId::drug)
    if (const Known known = vocabulary_name(typed); known.known) return known.generic;
  const std::string prefix(schema::field(id).prefix);
  // A value any letter has is a real one, however rare.
  if (db.term_exists(prefix + typed)) return std::nullopt;
  return closest(db, prefix, typed, 1);
}

std::optional<std::string> SpellingSuggester::fix_of(const Xapian::Database& db, const Lexeme& l) const {
  if (l.text.ends_with('*')) return std::nullopt;
  if (l.kind == Lexeme::Kind::word) return correction(db, l.text);
  if (l.kind == Lexeme::Kind::field && !l.quoted && is_vocabulary_field(l.field)) return value_correction(db, l);
  return std::nullopt;
}

std::optional<std::string> SpellingSuggester::suggest(const Xapian::Database& db, std::string_view query) const {
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  for (const Lexeme& l : lex_query(query)) {
    const std::optional<std::string> fix = fix_of(db, l);
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
