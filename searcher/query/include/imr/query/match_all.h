// match_all(): the query that matches every letter, built fresh per call.
#pragma once

#include <string>

#include <xapian.h>

namespace imr::searcher {

// Never copy Xapian::Query::MatchAll: it is one static object whose reference
// count is not atomic, so worker threads copying it at once corrupt the count
// and free it under a running search (a crash under load). The empty term is
// Xapian's own spelling of "match all", owned by the caller alone.
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

}  // namespace imr::searcher
