// Second step of query parsing: lexemes arranged into a tree by the grammar
//   or   := and (OR and)*
//   and  := unary ([AND] unary)*        (implicit AND)
//   unary:= (NOT | -)* primary
//   primary := ( or ) | word | "phrase" | field:value
// so NOT binds tighter than AND, and AND tighter than OR.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "lexer.h"

namespace imr::searcher {

struct SyntaxNode {
  enum class Kind { leaf, all_of, any_of, none_of };
  Kind kind;
  Lexeme leaf;                       // for Kind::leaf: a word, phrase or field
  std::vector<SyntaxNode> children;  // none_of has exactly one
};

// Throws QueryError for unbalanced parentheses, dangling operators, empty
// parentheses or nesting deeper than max_nesting. An empty lexeme list gives
// an empty all_of.
SyntaxNode parse_syntax(std::string_view query, const std::vector<Lexeme>& lexemes, std::size_t max_nesting);

}  // namespace imr::searcher
