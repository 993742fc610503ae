#include "query_builder.h"

#include "build_context.h"
#include "field_query.h"
#include "imr/query/match_all.h"
#include "lexer.h"
#include "query_text.h"
#include "text_query.h"

namespace imr::searcher {
namespace {

using Q = Xapian::Query;
using MaybeQuery = std::optional<Xapian::Query>;

// Longest run of words looked up as one multiword synonym ("magnetic resonance imaging").
constexpr std::size_t kMaxSynonymWords = 4;

Q combine(Q::op op, const std::vector<Q>& qs) {
  if (qs.size() == 1) return qs.front();
  return Q(op, qs.begin(), qs.end());
}

class Builder {
 public:
  explicit Builder(BuildContext& ctx) : ctx_(ctx) {}

  MaybeQuery build(const SyntaxNode& n) {
    switch (n.kind) {
      case SyntaxNode::Kind::leaf:
        return leaf(n.leaf);
      case SyntaxNode::Kind::any_of:
        return any_of(n.children);
      case SyntaxNode::Kind::all_of:
        return all_of(n.children);
      case SyntaxNode::Kind::none_of:
        break;
    }
    MaybeQuery negated = negative(n);
    if (!negated) return std::nullopt;
    return Q(Q::OP_AND_NOT, match_all(), *negated);
  }

 private:
  MaybeQuery leaf(const Lexeme& l) {
    if (l.kind == Lexeme::Kind::phrase) return phrase_query(ctx_, l.text);
    if (l.kind == Lexeme::Kind::field) return field_query(ctx_, l);
    return word_query(ctx_, l);
  }

  MaybeQuery negative(const SyntaxNode& n) {
    BuildContext::Negation guard(ctx_);
    return build(n.children.front());
  }

  MaybeQuery any_of(const std::vector<SyntaxNode>& children) {
    std::vector<Q> qs;
    for (const SyntaxNode& c : children)
      if (MaybeQuery q = build(c)) qs.push_back(*q);
    if (qs.empty()) return std::nullopt;
    return combine(Q::OP_OR, qs);
  }

  // Words AND, negated parts AND NOT; only negated parts: every letter but those.
  MaybeQuery all_of(const std::vector<SyntaxNode>& children) {
    std::vector<Q> positive, negated;
    for (std::size_t i = 0; i < children.size();) {
      const SyntaxNode& c = children[i];
      if (c.kind == SyntaxNode::Kind::none_of) {
        if (MaybeQuery q = negative(c)) negated.push_back(*q);
        ++i;
      } else if (MaybeQuery q = multiword_synonym(children, i)) {
        positive.push_back(*q);
      } else {
        if (MaybeQuery q = build(c)) positive.push_back(*q);
        ++i;
      }
    }
    if (positive.empty() && negated.empty()) return std::nullopt;
    const Q base = positive.empty() ? match_all() : combine(Q::OP_AND, positive);
    if (negated.empty()) return base;
    return Q(Q::OP_AND_NOT, base, combine(Q::OP_OR, negated));
  }

  // The longest run of plain words from children[i] that has a synonym
  // ("physical therapy" -> "pt"): those words OR the synonym; i moves past it.
  MaybeQuery multiword_synonym(const std::vector<SyntaxNode>& children, std::size_t& i) {
    std::vector<std::string> terms;
    for (std::size_t k = i; k < children.size() && terms.size() < kMaxSynonymWords; ++k) {
      if (children[k].kind != SyntaxNode::Kind::leaf) break;
      std::optional<std::string> t = single_term(ctx_, children[k].leaf);
      if (!t) break;
      terms.push_back(std::move(*t));
    }
    for (std::size_t n = terms.size(); n >= 2; --n) {
      MaybeQuery synonyms = synonyms_query(ctx_, std::span(terms.data(), n));
      if (!synonyms) continue;
      std::vector<Q> words;
      for (std::size_t k = i; k < i + n; ++k)
        if (MaybeQuery q = build(children[k])) words.push_back(*q);
      i += n;
      return Q(Q::OP_OR, combine(Q::OP_AND, words), *synonyms);
    }
    return std::nullopt;
  }

  BuildContext& ctx_;
};

}  // namespace

ParsedQuery build_query(std::string_view query, const SyntaxNode& root, const schema::Analyzer& analyzer,
                        const Thesaurus& thesaurus, const QueryLimits& limits, IndexTables index) {
  if (root.kind == SyntaxNode::Kind::all_of && root.children.empty()) return {match_all(), {}, {}, true};
  BuildContext ctx(query, analyzer, thesaurus, limits, index);
  MaybeQuery q = Builder(ctx).build(root);
  return {q ? *q : Q::MatchNothing, ctx.take_highlights(), ctx.take_item_fields(), false};
}

ParsedQuery parse_query(std::string_view query, const schema::Analyzer& analyzer, const Thesaurus& thesaurus,
                        const QueryLimits& limits, IndexTables index) {
  if (query.size() > limits.max_query_bytes)
    throw QueryError("the query is " + std::to_string(query.size()) + " bytes; the limit is " +
                     std::to_string(limits.max_query_bytes));
  check_query_text(query);
  const std::vector<Lexeme> lexemes = lex_query(query);
  return build_query(query, parse_syntax(query, lexemes, limits.max_nesting), analyzer, thesaurus, limits, index);
}

}  // namespace imr::searcher
