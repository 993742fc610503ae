// The bounds a request must stay within, so that no request (typed, scripted
// or fuzzed) can make the searcher work without limit: the one table of them.
// The OpenAPI document states the same numbers (tests/unit/api_openapi_test.cpp
// holds them equal); the page reads them from there.
#pragma once

#include <chrono>
#include <cstddef>

#include <xapian.h>

namespace imr::searcher {

namespace limit {
inline constexpr std::size_t query_bytes = 4096;
inline constexpr std::size_t query_terms = 64;
inline constexpr Xapian::termcount wildcard_expansion = 200;
inline constexpr std::size_t nesting = 32;  // parentheses inside parentheses
inline constexpr std::size_t filters = 32;  // filter= parameters in one request
inline constexpr unsigned page = 100000;
inline constexpr unsigned per_page = 100;
}  // namespace limit

// How long one request may search, from its start, unless the operator says
// otherwise (imr-search --time-budget).
inline constexpr std::chrono::milliseconds kQueryBudget{2000};

// The query parser's share of the table; tests lower single bounds.
struct QueryLimits {
  std::size_t max_query_bytes = limit::query_bytes;
  std::size_t max_terms = limit::query_terms;
  Xapian::termcount max_wildcard_expansion = limit::wildcard_expansion;
  std::size_t max_nesting = limit::nesting;
};

}  // namespace imr::searcher
