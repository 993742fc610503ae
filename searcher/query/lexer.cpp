#include "lexer.h"

#include <string>

#include "imr/query/parsed_query.h"
#include "imr/schema/field.h"
#include "query_text.h"

namespace imr::searcher {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_word(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool known_field(std::string_view name) { return schema::find_field(name) || schema::find_date_field(name); }

class Lexer {
 public:
  explicit Lexer(std::string_view query) : q_(query) {}

  std::vector<Lexeme> run() {
    while (skip_space()) next();
    return std::move(out_);
  }

 private:
  bool skip_space() {
    while (i_ < q_.size() && is_space(q_[i_])) ++i_;
    return i_ < q_.size();
  }

  void next() {
    const char c = q_[i_];
    if (c == '(' || c == ')') return single(c == '(' ? Lexeme::Kind::open : Lexeme::Kind::close);
    if (c == '"') {
      const std::size_t start = i_;
      return push({Lexeme::Kind::phrase, quoted(), {}, false, start});
    }
    if (c == '-' && i_ + 1 < q_.size() && !is_space(q_[i_ + 1]) && q_[i_ + 1] != ')')
      return single(Lexeme::Kind::minus);
    if (field()) return;
    word();
  }

  void single(Lexeme::Kind kind) {
    push({kind, q_.substr(i_, 1), {}, false, i_});
    ++i_;
  }

  // The content of the quoted text starting at i_; leaves i_ after the closing quote.
  std::string_view quoted() {
    const std::size_t close = q_.find('"', i_ + 1);
    if (close == std::string_view::npos)
      throw QueryError("unbalanced quote at character " + std::to_string(character_at(q_, i_)) +
                       ": add the closing \"");
    std::string_view content = q_.substr(i_ + 1, close - i_ - 1);
    i_ = close + 1;
    return content;
  }

  std::string_view run_of_word() {
    const std::size_t start = i_;
    while (i_ < q_.size() && !ends_word(q_[i_])) ++i_;
    return q_.substr(start, i_ - start);
  }

  // name:value, where name is letters or underscores and the value follows
  // the colon directly; "10:30" and "Page(s): 29" are not fields.
  bool field() {
    std::size_t colon = i_;
    while (colon < q_.size() && is_name_char(q_[colon])) ++colon;
    if (colon == i_ || colon >= q_.size() || q_[colon] != ':') return false;
    const std::string_view name = q_.substr(i_, colon - i_);
    const std::size_t value = colon + 1;
    if (value >= q_.size() || q_[value] == ')' || q_[value] == '(') {
      if (!known_field(name)) return false;
      throw QueryError("field " + std::string(name) + ": at character " + std::to_string(character_at(q_, i_)) +
                       " has no value; write it as " + std::string(name) + ":value or " + std::string(name) +
                       ":\"two words\"");
    }
    if (is_space(q_[value])) return false;
    const std::size_t start = i_;
    i_ = value;
    const bool is_quoted = q_[i_] == '"';
    const std::string_view text = is_quoted ? quoted() : run_of_word();
    push({Lexeme::Kind::field, text, name, is_quoted, start});
    return true;
  }

  void word() {
    const std::size_t start = i_;
    const std::string_view text = run_of_word();
    Lexeme::Kind kind = Lexeme::Kind::word;
    if (text == "AND")
      kind = Lexeme::Kind::op_and;
    else if (text == "OR")
      kind = Lexeme::Kind::op_or;
    else if (text == "NOT")
      kind = Lexeme::Kind::op_not;
    push({kind, text, {}, false, start});
  }

  void push(Lexeme l) { out_.push_back(l); }

  std::string_view q_;
  std::size_t i_ = 0;
  std::vector<Lexeme> out_;
};

}  // namespace

std::vector<Lexeme> lex_query(std::string_view query) { return Lexer(query).run(); }

}  // namespace imr::searcher
