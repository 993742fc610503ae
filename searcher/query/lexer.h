// First step of query parsing: the query string cut into lexemes (words,
// quoted phrases, field:value pairs, operators, parentheses, minus signs),
// each remembering where it stands so errors can point at it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace imr::searcher {

struct Lexeme {
  enum class Kind { word, phrase, field, open, close, op_and, op_or, op_not, minus };
  Kind kind;
  std::string_view text;   // word, phrase content (without quotes) or field value
  std::string_view field;  // field name, for Kind::field
  bool quoted = false;     // a field value written in quotes
  std::size_t offset = 0;  // byte offset in the query
};

// Throws QueryError for an unbalanced quote or a known field with no value.
// The query must already have passed check_query_text.
std::vector<Lexeme> lex_query(std::string_view query);

}  // namespace imr::searcher
