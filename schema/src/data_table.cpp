#include "imr/schema/data_table.h"

#include <stdexcept>

#include "data_files.h"
#include "imr/schema/text.h"

namespace imr::schema {
namespace {

std::vector<std::string> columns_of(std::string_view line) {
  std::vector<std::string> cols;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    cols.emplace_back(
        text::trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  while (!cols.empty() && cols.back().empty()) cols.pop_back();
  return cols;
}

}  // namespace

std::vector<TsvRow> parse_data_table(std::string_view name, std::string_view content, std::size_t min_columns,
                                     std::size_t max_columns) {
  std::vector<TsvRow> rows;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < content.size()) {
    const auto nl = content.find('\n', start);
    const auto line = content.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    start = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    if (text::trim(line).empty() || text::trim(line).front() == '#') continue;
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

void TsvRow::fail(std::string_view what) const {
  throw std::runtime_error("schema/data/" + file + " line " + std::to_string(line) + ": " + std::string(what));
}

const std::string& TsvRow::column(std::size_t i) const {
  static const std::string kEmpty;
  return i < columns.size() ? columns[i] : kEmpty;
}

std::vector<TsvRow> read_data_table(std::string_view name, std::size_t min_columns, std::size_t max_columns) {
  const auto content = data_file(name);
  if (!content) throw std::runtime_error("schema/data/" + std::string(name) + " is missing from the build");
  return parse_data_table(name, *content, min_columns, max_columns);
}

}  // namespace imr::schema
