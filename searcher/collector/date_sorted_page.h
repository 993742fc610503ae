// The page of a search sorted by decision date (then relevance). Xapian
// sorting every match by date then relevance weighs each one and keeps a
// sort key per match; the page only needs the letters of the newest (or
// oldest) months, which their month terms find at once.
#pragma once

#include <optional>
#include <vector>

#include <xapian.h>

#include "imr/collector/collector.h"

namespace imr::searcher {

// page.sort is date_desc or date_asc. The query has the filters' terms
// applied already; a letter must also pass `accept` (the same-item rule) if
// given. Nothing when the page reaches past the dated letters (undated ones,
// or past the end): Xapian's full sort serves those.
std::optional<std::vector<Hit>> date_sorted_page(const Xapian::Database& db, const Xapian::Query& filtered_query,
                                                 const PageRequest& page, Xapian::MatchDecider* accept);

}  // namespace imr::searcher
