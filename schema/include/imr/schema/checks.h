// The kinds of self-check a parsed letter may carry (schema/data/checks.tsv):
// consistency warnings the parser raises about its own reading, so a user
// without the truth can see where it was unsure. The parser decides which
// fire; this is the one list of their names, shared by the indexer, the
// query language, the filters and /api/health.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace imr::schema {

struct CheckKind {
  std::string name;  // "no-decision-date"
  std::string description;
};

// In the table's order, which is also the order of a record's "checks".
std::span<const CheckKind> check_kinds();
// The kind a typed name means, in any case and with '_' or ' ' for '-'
// ("No_Decision_Date" -> "no-decision-date"); nullopt when there is none.
std::optional<std::string> check_kind(std::string_view typed);
// "item-count-mismatch, item-without-decision, ...", for error messages.
std::string check_kind_names();

}  // namespace imr::schema
