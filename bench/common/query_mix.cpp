// Reads bench/queries.tsv into BenchQuery values.
#include "common/query_mix.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace imr::bench {
namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::istringstream in(line);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  return parts;
}

std::string or_empty(const std::string& column) { return column == "-" ? std::string() : column; }

std::vector<std::pair<std::string, std::string>> parse_filters(const std::string& column) {
  std::vector<std::pair<std::string, std::string>> filters;
  for (const std::string& spec : split(or_empty(column), ' ')) {
    const auto colon = spec.find(':');
    if (spec.empty()) continue;
    if (colon == std::string::npos) throw std::runtime_error("filter '" + spec + "' is not field:value");
    filters.emplace_back(spec.substr(0, colon), spec.substr(colon + 1));
  }
  return filters;
}

std::optional<DateRange> parse_range(const std::string& column) {
  if (or_empty(column).empty()) return std::nullopt;
  const auto dots = column.find("..");
  if (dots == std::string::npos) throw std::runtime_error("date range '" + column + "' is not from..to");
  return DateRange{column.substr(0, dots), column.substr(dots + 2)};
}

BenchQuery parse_line(const std::string& line) {
  const std::vector<std::string> c = split(line, '\t');
  if (c.size() != 8) throw std::runtime_error("expected 8 tab-separated columns, found " + std::to_string(c.size()));
  if (c[1] != "search" && c[1] != "stats") throw std::runtime_error("kind must be search or stats, not " + c[1]);
  BenchQuery q;
  q.name = c[0];
  q.kind = c[1] == "stats" ? QueryKind::stats : QueryKind::search;
  q.text = or_empty(c[2]);
  q.filters = parse_filters(c[3]);
  q.decided = parse_range(c[4]);
  q.page = static_cast<unsigned>(std::stoul(c[5]));
  q.sort = c[6];
  q.by = or_empty(c[7]);
  return q;
}

}  // namespace

std::vector<BenchQuery> load_query_mix(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read the query mix " + file.string());
  std::vector<BenchQuery> queries;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    try {
      queries.push_back(parse_line(line));
    } catch (const std::exception& e) {
      throw std::runtime_error(file.string() + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  return queries;
}

}  // namespace imr::bench
