// A table of tests/data/ (tab-separated, '#' comments) read as the schema's
// own data tables are, for the wording tests.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "imr/schema/data_table.h"

inline std::vector<imr::schema::TsvRow> test_data_table(const std::string& name, std::size_t min_columns,
                                                        std::size_t max_columns) {
  const std::filesystem::path path = std::filesystem::path(IMR_SOURCE_DIR) / "tests" / "data" / name;
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "missing " << path.string());
  std::stringstream content;
  content << in.rdbuf();
  return imr::schema::parse_data_table(name, content.str(), min_columns, max_columns);
}
