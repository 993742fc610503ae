#include "build_context.h"

#include <algorithm>

#include "query_text.h"

namespace imr::searcher {

void BuildContext::count_terms(std::size_t n) {
  terms_ += n;
  if (terms_ > limits_.max_terms)
    throw QueryError("the query has more than " + std::to_string(limits_.max_terms) + " terms, the limit; shorten it");
}

void BuildContext::highlight(Highlight::Kind kind, std::vector<std::string> terms) {
  if (negated_ || terms.empty()) return;
  const bool known =
      std::ranges::any_of(highlights_, [&](const Highlight& h) { return h.kind == kind && h.terms == terms; });
  if (!known) highlights_.push_back({kind, std::move(terms)});
}

void BuildContext::item_field(std::string_view name, std::string_view value) {
  if (negated_) return;
  std::pair<std::string, std::string> f{std::string(name), std::string(value)};
  if (std::ranges::find(item_fields_, f) == item_fields_.end()) item_fields_.push_back(std::move(f));
}

std::string BuildContext::where(const Lexeme& l) const {
  return "at character " + std::to_string(character_at(query_, l.offset));
}

}  // namespace imr::searcher
