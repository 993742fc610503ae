// The bounds a query must stay within, so that no query (typed or fuzzed) can
// make the searcher work without limit.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace imr::searcher {

struct QueryLimits {
  std::size_t max_query_bytes = 4096;
  std::size_t max_terms = 64;
  Xapian::termcount max_wildcard_expansion = 200;
  std::size_t max_nesting = 32;  // parentheses inside parentheses
};

}  // namespace imr::searcher
