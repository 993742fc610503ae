// Exact scans: every letter a query matches, read through its facet table,
// never estimated. The facet counts and the stats are both built on this.
#pragma once

#include <functional>
#include <string>

#include <xapian.h>

#include "imr/collector/deadline.h"
#include "imr/collector/docid_stream.h"
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
// so no value of the document is fetched), in ascending order when `range`
// is a part (which needs scans_in_parts()).
void scan_docids(const Xapian::Database& db, const Xapian::Query& query,
                 const std::function<void(Xapian::docid)>& visit, const Deadline& deadline = {}, DocidRange range = {});

// How many postings counting the query reads at most: the sum of its words'
// postings, or every letter when it names them all (match-all, or a date
// range, which reads a value of each); never more than the letters.
Xapian::doccount postings_read(const Xapian::Database& db, const Xapian::Query& query);

// Whether counting the query visits much of the index, so that it is worth
// both cores: the postings of its words add up to an eighth of the letters,
// or it names every letter (match-all, or a date range, which reads a value
// of each).
bool counts_broadly(const Xapian::Database& db, const Xapian::Query& query);

// Whether a scan of part of the docid space costs about that part's share of
// the whole: true for set expressions (each posting list skips to the part)
// and for Xapian's matcher on one database (phrases, wildcards, value
// ranges); false for the matcher over several databases searched as one
// (whose docids interleave).
bool scans_in_parts(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace imr::searcher
