#include "text_query.h"

#include <algorithm>

#include "imr/schema/field.h"
#include "query_text.h"

namespace imr::searcher {
namespace {

using schema::Token;

// Exact matches count for more than matches of the stem alone.
constexpr double kExactWeight = 2.0;
// Wildcard prefixes shorter than this expand to too much to be useful.
constexpr std::size_t kMinWildcardChars = 2;

std::vector<Token> parts_of(const std::vector<Token>& tokens) {
  std::vector<Token> parts;
  std::ranges::copy_if(tokens, std::back_inserter(parts), [](const Token& t) { return !t.compound; });
  return parts;
}

std::vector<std::string> terms_of(const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  for (const Token& t : tokens) terms.push_back(t.term);
  return terms;
}

// Tokens at consecutive positions, matched in order; the window follows the
// positions so that a term dropped by the analyzer leaves the same gap as in
// the index. A phrase the index keeps as a term is that term: the same
// letters, without a look at any position. Marked as one highlight.
Xapian::Query phrase_of(BuildContext& ctx, const std::vector<Token>& parts) {
  std::vector<std::string> terms = terms_of(parts);
  if (terms.size() == 1) {
    ctx.highlight(Highlight::Kind::term, terms);
    return Xapian::Query(terms.front());
  }
  const Xapian::termcount window = parts.back().position - parts.front().position + 1;
  const std::optional<std::string> kept = window == terms.size() ? ctx.phrase_term(terms) : std::nullopt;
  Xapian::Query q =
      kept ? Xapian::Query(*kept) : Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
  ctx.highlight(Highlight::Kind::phrase, std::move(terms));
  return q;
}

Xapian::Query any_of(const std::vector<Xapian::Query>& qs) {
  if (qs.size() == 1) return qs.front();
  return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

// A name from the vocabulary ("soma", "vicodin es") as the index has it.
Xapian::Query name_query(BuildContext& ctx, std::string_view name) {
  const std::vector<Token> parts = parts_of(ctx.analyzer().tokens(name));
  if (parts.empty()) return Xapian::Query();
  return phrase_of(ctx, parts);
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::ranges::sort(v);
  return v;
}

// The names that stand for exactly the same generics as term: "soma" ->
// carisoprodol, but not "soma compound" (carisoprodol and aspirin).
std::vector<std::string> same_drug_names(const Thesaurus& th, std::string_view term,
                                         const std::vector<std::string>& generics) {
  const std::vector<std::string> key = sorted(generics);
  std::vector<std::string> names;
  for (const std::string& g : generics)
    for (std::string& n : th.names_of(g))
      if (n != term && std::ranges::find(names, n) == names.end() && sorted(th.generics_of(n)) == key)
        names.push_back(std::move(n));
  return names;
}

// A drug name also finds the other names of its generics, and letters with
// an item for them.
void add_drug_synonyms(BuildContext& ctx, std::string_view term, std::vector<Xapian::Query>& out) {
  const std::vector<std::string> generics = ctx.thesaurus().generics_of(term);
  if (generics.empty()) return;
  for (const std::string& name : same_drug_names(ctx.thesaurus(), term, generics)) out.push_back(name_query(ctx, name));
  std::vector<Xapian::Query> items;
  for (const std::string& g : generics) {
    items.emplace_back(schema::boolean_term(schema::FieldId::drug, g));
    ctx.item_field(schema::field(schema::FieldId::drug).name, g);
  }
  Xapian::Query all(Xapian::Query::OP_AND, items.begin(), items.end());
  out.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, all, 0.0);
}

Xapian::Query plain_word(BuildContext& ctx, const std::string& term) {
  std::vector<Xapian::Query> alternatives{
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), kExactWeight)};
  ctx.highlight(Highlight::Kind::term, {term});
  if (std::vector<std::string> stem = ctx.analyzer().stem_query_terms(term); !stem.empty()) {
    // The letters store no stems: the stem is every word of the index that has it.
    std::vector<std::string> words = ctx.stem_words(stem.front());
    words.insert(words.end(), stem.begin() + 1, stem.end());
    // The word itself is matched (and weighed) above already: one posting list
    // less to walk, which for a broad word ("medically") is a quarter of the work.
    std::erase(words, term);
    // One synonym weighs like a single term holding the other words' occurrences.
    if (!words.empty()) alternatives.emplace_back(Xapian::Query::OP_SYNONYM, words.begin(), words.end());
    ctx.highlight(Highlight::Kind::stem, {std::move(stem.front())});
  }
  add_drug_synonyms(ctx, term, alternatives);
  if (auto synonyms = synonyms_query(ctx, std::span(&term, 1))) alternatives.push_back(*synonyms);
  return any_of(alternatives);
}

// "L5-S1": the compound as written, or its parts as a phrase ("L5 S1").
Xapian::Query compound_word(BuildContext& ctx, const Token& compound, const std::vector<Token>& parts) {
  ctx.highlight(Highlight::Kind::term, {compound.term});
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(compound.term), phrase_of(ctx, parts));
}

bool is_single_compound(const std::vector<Token>& tokens) {
  if (tokens.empty() || !tokens.front().compound) return false;
  return std::ranges::all_of(tokens.begin() + 1, tokens.end(),
                             [&](const Token& t) { return !t.compound && t.end <= tokens.front().end; });
}

Xapian::Query wildcard(BuildContext& ctx, const Lexeme& word) {
  const std::string_view typed = word.text.substr(0, word.text.find_last_not_of('*') + 1);
  const std::vector<Token> tokens = ctx.analyzer().tokens(typed);
  const bool one_word = tokens.size() == 1 || is_single_compound(tokens);
  if (!one_word || character_count(tokens.front().term) < kMinWildcardChars)
    throw QueryError("the wildcard " + std::string(word.text) + " " + ctx.where(word) + " needs one word of at least " +
                     std::to_string(kMinWildcardChars) + " characters before the *");
  ctx.count_terms(1);
  const std::string& prefix = tokens.front().term;
  ctx.highlight(Highlight::Kind::prefix, {prefix});
  return Xapian::Query(Xapian::Query::OP_WILDCARD, prefix, ctx.limits().max_wildcard_expansion,
                       Xapian::Query::WILDCARD_LIMIT_ERROR);
}

}  // namespace

std::optional<Xapian::Query> word_query(BuildContext& ctx, const Lexeme& word) {
  if (word.text.ends_with('*')) return wildcard(ctx, word);
  const std::vector<Token> tokens = ctx.analyzer().tokens(word.text);
  const std::vector<Token> parts = parts_of(tokens);
  if (parts.empty()) return std::nullopt;
  ctx.count_terms(parts.size());
  if (is_single_compound(tokens)) return compound_word(ctx, tokens.front(), parts);
  if (tokens.size() == 1) return plain_word(ctx, tokens.front().term);
  return phrase_of(ctx, parts);  // "10:30", "a,b": written as one, found as one
}

std::optional<Xapian::Query> phrase_query(BuildContext& ctx, std::string_view text) {
  const std::vector<Token> parts = parts_of(ctx.analyzer().tokens(text));
  if (parts.empty()) return std::nullopt;
  ctx.count_terms(parts.size());
  return phrase_of(ctx, parts);
}

std::optional<std::string> single_term(const BuildContext& ctx, const Lexeme& word) {
  if (word.kind != Lexeme::Kind::word || word.text.ends_with('*')) return std::nullopt;
  std::vector<Token> tokens = ctx.analyzer().tokens(word.text);
  if (tokens.size() != 1) return std::nullopt;
  return std::move(tokens.front().term);
}

std::optional<Xapian::Query> synonyms_query(BuildContext& ctx, std::span<const std::string> terms) {
  std::vector<Xapian::Query> alternatives;
  for (const std::vector<std::string>& synonym : ctx.thesaurus().synonyms_of(terms)) {
    if (synonym.empty()) continue;
    std::vector<Token> parts;
    for (std::uint32_t i = 0; i < synonym.size(); ++i) parts.push_back({synonym[i], i, 0, 0, false});
    alternatives.push_back(phrase_of(ctx, parts));
  }
  if (alternatives.empty()) return std::nullopt;
  return any_of(alternatives);
}

}  // namespace imr::searcher
