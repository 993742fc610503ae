// The TSV reader shared by every vocabulary table.
#include "vocab_tsv.h"

#include <algorithm>
#include <stdexcept>

#include "imr/schema/text.h"
#include "phrase_matcher.h"

namespace imr::schema::vocab {

std::vector<TsvRow> DataReader::rows(std::string_view name, std::size_t min_columns, std::size_t max_columns) const {
  const auto content = source(name);
  if (!content) throw std::runtime_error("schema/data/" + std::string(name) + " is missing");
  return parse_data_table(name, *content, min_columns, max_columns);
}

void push_unique(std::vector<std::string>& out, const std::string& value) {
  if (std::ranges::find(out, value) == out.end()) out.push_back(value);
}

std::vector<std::string> split_list(std::string_view list, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto sep = list.find(separator, start);
    const auto item =
        text::trim(list.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
    if (!item.empty()) items.emplace_back(item);
    if (sep == std::string_view::npos) break;
    start = sep + 1;
  }
  return items;
}

std::vector<std::string> DataReader::words(const TsvRow& row, std::string_view phrase) const {
  auto words = PhraseMatcher::words_of(analyzer.tokens(phrase));
  if (words.empty()) row.fail("\"" + std::string(phrase) + "\" has no words");
  return words;
}

}  // namespace imr::schema::vocab
