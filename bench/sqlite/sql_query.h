// A BenchQuery as SQL: the FTS5 MATCH expression (brand names expanded to
// their generics, as imrsearch does) and the letters it selects (same-item
// rule for item-level filters, as the contract asks), written as a competent
// SQLite user would: driven from the most selective index, the FTS5 MATCH
// when there is text (materialised once, then joined to the letters and
// their indexed item tables), else the drug index, never a scan of every
// letter that asks FTS5 per row.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/query_mix.h"

namespace imr::bench {

struct SqlCondition {
  std::string with;                 // a materialised CTE that drives the query ("" for none)
  std::string from = "letters l";   // where the letters come from
  std::string where;                // over "letters l"; "1" when the query has no condition
  std::vector<std::string> values;  // bound to the ?s of with, then where, in order

  // "WITH ... SELECT l.id FROM ... WHERE ...": the ids of the matching letters.
  std::string select_ids() const;
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
