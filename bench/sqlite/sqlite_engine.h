// The SQLite FTS5 baseline: bm25 ranking, snippet(), and facet counts by
// GROUP BY over the items tables, for the letters a query matches.
#pragma once

#include <memory>

#include "common/engine.h"

namespace imr::bench {

std::unique_ptr<Engine> make_sqlite_engine();

}  // namespace imr::bench
