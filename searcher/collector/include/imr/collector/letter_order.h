// Every letter a query and filters match, newest decision first: the order
// of /api/export and /api/feed. The same exact evaluation as the search's
// total (the facet columns through ColumnMatch), so an export has exactly
// `total` letters.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include <xapian.h>

#include "imr/collector/deadline.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/filters.h"

namespace imr::searcher {

struct LetterOrderOptions {
  bool dated_only = false;  // leave out letters without a decision date
  std::size_t limit = std::numeric_limits<std::size_t>::max();
};

// The matching letters' docids, decision date newest first, undated last,
// equal dates by key (as schema::key_of gives it), so the order survives
// re-indexing. Holds one small entry per match while sorting, never a
// document. Throws QueryTimeout past the deadline.
std::vector<Xapian::docid> letters_by_date(const Xapian::Database& db, const Xapian::Query& query,
                                           const Filters& filters, const FacetColumns& columns,
                                           const LetterOrderOptions& options = {}, const Deadline& deadline = {});

}  // namespace imr::searcher
