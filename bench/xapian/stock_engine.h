// The Xapian stock baseline: Xapian's own QueryParser (stemming, phrases,
// brand-name synonyms) and Enquire with one match spy per facet, exact
// counts (check every match) and MSet::snippet for the page of hits.
#pragma once

#include <memory>

#include "common/engine.h"

namespace imr::bench {

std::unique_ptr<Engine> make_stock_engine();

}  // namespace imr::bench
