#include "syntax_tree.h"

#include <string>

#include "imr/query/parsed_query.h"
#include "query_text.h"

namespace imr::searcher {
namespace {

using Kind = Lexeme::Kind;

bool is_binary(Kind k) { return k == Kind::op_and || k == Kind::op_or; }

// Recursive descent; recursion happens only at parentheses, whose depth is bounded.
class SyntaxParser {
 public:
  SyntaxParser(std::string_view query, const std::vector<Lexeme>& lexemes, std::size_t max_nesting)
      : q_(query), l_(lexemes), max_nesting_(max_nesting) {}

  SyntaxNode run() {
    if (l_.empty()) return {SyntaxNode::Kind::all_of, {}, {}};
    SyntaxNode root = any_of(0);
    if (i_ < l_.size()) fail("unbalanced parenthesis at character " + where(l_[i_]) + ": this ) closes nothing");
    return root;
  }

 private:
  SyntaxNode any_of(std::size_t depth) {
    SyntaxNode node{SyntaxNode::Kind::any_of, {}, {}};
    node.children.push_back(all_of(depth));
    while (at(Kind::op_or)) {
      operand_must_follow(l_[i_++]);
      node.children.push_back(all_of(depth));
    }
    return single_child(std::move(node));
  }

  SyntaxNode all_of(std::size_t depth) {
    SyntaxNode node{SyntaxNode::Kind::all_of, {}, {}};
    node.children.push_back(unary(depth));
    while (i_ < l_.size() && !at(Kind::op_or) && !at(Kind::close)) {
      if (at(Kind::op_and)) operand_must_follow(l_[i_++]);
      node.children.push_back(unary(depth));
    }
    return single_child(std::move(node));
  }

  SyntaxNode unary(std::size_t depth) {
    bool negated = false;
    while (at(Kind::op_not) || at(Kind::minus)) {
      operand_must_follow(l_[i_++]);
      negated = !negated;
    }
    SyntaxNode node = primary(depth);
    if (!negated) return node;
    return {SyntaxNode::Kind::none_of, {}, {std::move(node)}};
  }

  SyntaxNode primary(std::size_t depth) {
    const Lexeme& l = l_[i_];
    if (is_binary(l.kind)) fail(std::string(l.text) + " at character " + where(l) + " has nothing before it");
    if (l.kind == Kind::close) fail("unbalanced parenthesis at character " + where(l) + ": this ) closes nothing");
    ++i_;
    if (l.kind != Kind::open) return {SyntaxNode::Kind::leaf, l, {}};
    if (depth + 1 > max_nesting_)
      fail("parentheses nested more than " + std::to_string(max_nesting_) + " deep at character " + where(l));
    if (i_ == l_.size()) fail("unbalanced parenthesis at character " + where(l) + ": add the closing )");
    if (at(Kind::close)) fail("empty parentheses at character " + where(l));
    SyntaxNode inner = any_of(depth + 1);
    if (!at(Kind::close)) fail("unbalanced parenthesis at character " + where(l) + ": add the closing )");
    ++i_;
    return inner;
  }

  // An operator needs an operand after it: not the end, a ")" or another binary operator.
  void operand_must_follow(const Lexeme& op) {
    if (i_ < l_.size() && !is_binary(l_[i_].kind) && l_[i_].kind != Kind::close) return;
    const std::string name = op.kind == Kind::minus ? "-" : std::string(op.text);
    fail(name + " at character " + where(op) + " has nothing after it");
  }

  static SyntaxNode single_child(SyntaxNode node) {
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  bool at(Kind k) const { return i_ < l_.size() && l_[i_].kind == k; }
  std::string where(const Lexeme& l) const { return std::to_string(character_at(q_, l.offset)); }
  [[noreturn]] static void fail(const std::string& message) { throw QueryError(message); }

  std::string_view q_;
  const std::vector<Lexeme>& l_;
  std::size_t max_nesting_;
  std::size_t i_ = 0;
};

}  // namespace

SyntaxNode parse_syntax(std::string_view query, const std::vector<Lexeme>& lexemes, std::size_t max_nesting) {
  return SyntaxParser(query, lexemes, max_nesting).run();
}

}  // namespace imr::searcher
