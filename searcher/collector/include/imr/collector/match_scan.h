// Exact scans: every letter a query matches, read through its facet table,
// never estimated. The facet counts and the stats are both built on this.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "imr/collector/deadline.h"
#include "imr/schema/facet_table.h"

namespace imr::searcher {

// Reads a document's facet table into view (blob keeps the bytes alive).
// False for a document without a readable table, which then matches no filter.
bool read_facet_table(const Xapian::Document& doc, std::string& blob, schema::FacetTableView& view);

// Calls visit once for every letter the query matches, in no particular order;
// throws QueryTimeout when the deadline passes first.
void scan_matches(const Xapian::Database& db, const Xapian::Query& query,
                  const std::function<void(const schema::FacetTableView&)>& visit, const Deadline& deadline = {});

// The same scan handing over only each letter's docid (read from the columns,
// so no value of the document is fetched).
void scan_docids(const Xapian::Database& db, const Xapian::Query& query,
                 const std::function<void(Xapian::docid)>& visit, const Deadline& deadline = {});

}  // namespace imr::searcher
