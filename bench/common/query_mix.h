// The benchmark's query mix (bench/queries.tsv): one engine-neutral
// description per query, which each engine's driver translates into its own
// query language, so all engines do the same work for the same query.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace imr::bench {

enum class QueryKind { search, stats };

struct DateRange {
  std::string from, to;  // ISO yyyy-mm-dd, inclusive
};

struct BenchQuery {
  std::string name;
  QueryKind kind = QueryKind::search;
  std::string text;                                          // "" = every letter
  std::vector<std::pair<std::string, std::string>> filters;  // (field, value), contract names
  std::optional<DateRange> decided;
  unsigned page = 1;
  unsigned per_page = 20;
  std::string sort = "relevance";  // relevance | date_desc | date_asc
  std::string by;                  // stats grouping field
};

// Throws std::runtime_error naming the file and line of a malformed entry.
std::vector<BenchQuery> load_query_mix(const std::filesystem::path& file);

}  // namespace imr::bench
