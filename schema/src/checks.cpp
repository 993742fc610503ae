#include "imr/schema/checks.h"

#include <algorithm>
#include <vector>

#include "imr/schema/data_table.h"
#include "imr/schema/text.h"

namespace imr::schema {
namespace {

std::vector<CheckKind> load_kinds() {
  std::vector<CheckKind> out;
  for (const TsvRow& row : read_data_table("checks.tsv", 2, 2)) {
    if (row.column(0) != text::lower(row.column(0)) || row.column(0).find_first_of(" _") != std::string::npos)
      row.fail("a check kind is lower case with hyphens");
    out.push_back({row.column(0), row.column(1)});
  }
  return out;
}

}  // namespace

std::span<const CheckKind> check_kinds() {
  static const std::vector<CheckKind> kinds = load_kinds();
  return kinds;
}

std::optional<std::string> check_kind(std::string_view typed) {
  std::string name = text::lower(text::trim(typed));
  std::ranges::replace(name, '_', '-');
  std::ranges::replace(name, ' ', '-');
  const auto kinds = check_kinds();
  if (std::ranges::find(kinds, name, &CheckKind::name) == kinds.end()) return std::nullopt;
  return name;
}

std::string check_kind_names() { return text::join(check_kinds(), ", ", &CheckKind::name); }

}  // namespace imr::schema
