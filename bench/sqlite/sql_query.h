// A BenchQuery as SQL: the FTS5 MATCH expression (brand names expanded to
// their generics, as imrsearch does) and the WHERE clause over the letters
// table (same-item rule for item-level filters, as the contract asks).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/query_mix.h"

namespace imr::bench {

struct SqlCondition {
  std::string where;                // over "letters l"; "1" when the query has no condition
  std::vector<std::string> values;  // bound to the ?s of where, in order
};

class SqlQueryBuilder {
 public:
  SqlQueryBuilder();  // loads the brand names

  // "" when the query has no text.
  std::string fts_match(const std::string& text) const;
  // Conditions on l.* for the text match (bound to fts_match), date range and filters.
  SqlCondition condition(const BenchQuery& q) const;

 private:
  std::map<std::string, std::vector<std::string>> generics_of_;  // brand -> generics
};

}  // namespace imr::bench
