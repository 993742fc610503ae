// The TSV reader shared by every vocabulary table.
#include "vocab_tsv.h"

#include <algorithm>
#include <stdexcept>

#include "imr/schema/data_files.h"
#include "imr/schema/phrase_matcher.h"

namespace imr::schema::vocab {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> columns_of(std::string_view line) {
  std::vector<std::string> cols;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    cols.emplace_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  while (!cols.empty() && cols.back().empty()) cols.pop_back();
  return cols;
}

std::vector<TsvRow> parse_tsv(std::string_view name, std::optional<std::string_view> content, std::size_t min_columns,
                              std::size_t max_columns) {
  if (!content) throw std::runtime_error("schema/data/" + std::string(name) + " is missing");
  std::vector<TsvRow> rows;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < content->size()) {
    const auto nl = content->find('\n', start);
    const auto line = content->substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? content->size() : nl + 1;
    ++line_no;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    TsvRow row{std::string(name), line_no, columns_of(line)};
    if (row.columns.size() < min_columns || row.columns.size() > max_columns)
      row.fail("expected " + std::to_string(min_columns) + " to " + std::to_string(max_columns) +
               " tab-separated columns, found " + std::to_string(row.columns.size()));
    for (std::size_t i = 0; i < min_columns; ++i)
      if (row.columns[i].empty()) row.fail("column " + std::to_string(i + 1) + " is empty");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

void TsvRow::fail(std::string_view what) const {
  throw std::runtime_error("schema/data/" + file + " line " + std::to_string(line) + ": " + std::string(what));
}

const std::string& TsvRow::column(std::size_t i) const {
  static const std::string kEmpty;
  return i < columns.size() ? columns[i] : kEmpty;
}

std::vector<TsvRow> read_tsv(std::string_view name, std::size_t min_columns, std::size_t max_columns) {
  return parse_tsv(name, data_file(name), min_columns, max_columns);
}

std::vector<TsvRow> DataReader::rows(std::string_view name, std::size_t min_columns, std::size_t max_columns) const {
  return parse_tsv(name, source(name), min_columns, max_columns);
}

void push_unique(std::vector<std::string>& out, const std::string& value) {
  if (std::ranges::find(out, value) == out.end()) out.push_back(value);
}

std::vector<std::string> split_list(std::string_view list, char separator) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto sep = list.find(separator, start);
    const auto item = trim(list.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
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
