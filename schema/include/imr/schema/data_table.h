// Tab-separated data files (schema/data): '#' starts a comment line, blank
// lines are skipped, columns are trimmed, and a malformed line is reported
// with its file and line number so the data can be fixed. Every reader of a
// data file, vocabulary or layout labels, goes through here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace imr::schema {

struct TsvRow {
  std::string file;
  std::size_t line;
  std::vector<std::string> columns;  // trimmed; trailing empty columns dropped

  // "schema/data/drugs.tsv line 12: <what>", as a std::runtime_error.
  [[noreturn]] void fail(std::string_view what) const;
  // The column, or "" when the row is shorter.
  const std::string& column(std::size_t i) const;
};

// Rows of min_columns..max_columns columns, the first min_columns non-empty.
// Throws std::runtime_error naming the file and line of a malformed row.
std::vector<TsvRow> parse_data_table(std::string_view name, std::string_view content, std::size_t min_columns,
                                     std::size_t max_columns);
// The same for schema/data/<name>, built into the binary; throws when missing.
std::vector<TsvRow> read_data_table(std::string_view name, std::size_t min_columns, std::size_t max_columns);

}  // namespace imr::schema
