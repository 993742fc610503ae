// One search: exact total and facet counts (pass 1, a full scan of the text
// query's matches) and one page of hits (pass 2, the query filtered by the
// filters' boolean terms, the same-item rule checked by a match decider).
// See searcher/README.md for why it takes two passes.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "imr/collector/deadline.h"
#include "imr/collector/facet_columns.h"
#include "imr/collector/facet_counter.h"
#include "imr/collector/filters.h"

namespace imr::searcher {

enum class SortOrder { relevance, date_desc, date_asc };
// "relevance", "date_desc", "date_asc"; nullopt for anything else.
std::optional<SortOrder> sort_order(std::string_view name);

struct PageRequest {
  SortOrder sort = SortOrder::relevance;
  Xapian::doccount page = 1;       // 1-based
  Xapian::doccount per_page = 20;  // 0..limit::per_page; 0: no hits, only the counts
};

struct Hit {
  Xapian::docid docid;
  double weight;
  Xapian::Document document;
};

struct SearchResult {
  Xapian::doccount total = 0;  // letters passing the query and every filter, exact
  std::vector<Hit> hits;       // the requested page; empty past the end
  std::vector<Facet> facets;
};

// Called with the page's hits as soon as they are ranked, on the calling
// thread: with a twin, while the other core still counts (the page may turn
// out to be past the end: its hits are then not in the result).
using PageReady = std::function<void(const std::vector<Hit>&)>;

// Throws QueryTimeout when either pass runs past the deadline. Counts from
// `columns`, which must be db's current revision's (FacetColumnsCache);
// without them, columns are built for this one call. Given `twin`, a second
// handle on the same revision of the same index, the counting pass runs on it
// in another thread while this one ranks the page (and hands it to
// `on_page`): two cores for one query.
SearchResult collect(const Xapian::Database& db, const Xapian::Query& query, const Filters& filters,
                     const PageRequest& page, const Deadline& deadline = {}, const FacetColumns* columns = nullptr,
                     const Xapian::Database* twin = nullptr, const PageReady& on_page = {});

// The query restricted to letters passing the filters' boolean terms (a
// superset of the letters passing the filters when the same-item rule applies).
Xapian::Query filtered(const Xapian::Query& query, const Filters& filters);

}  // namespace imr::searcher
