// What a benchmarked engine offers the shared driver: build its index from
// the corpus, open it, and answer one query of the mix doing the full work a
// search page needs (match, exact total, facet counts, one page of hits with
// snippets; or the outcome stats).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "common/query_mix.h"

namespace imr::bench {

struct QueryOutcome {
  std::uint64_t total = 0;    // letters matching (stats: items counted)
  nlohmann::json facets;      // {"field": {"value": letters}} (stats: {"by": {"value": items}})
  unsigned hits = 0;          // hits on the requested page
  std::string first_snippet;  // of the first hit, to show the snippet work was done
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Builds a fresh index at db from the corpus folder (truth.jsonl + letters).
  virtual void build(const std::filesystem::path& corpus, const std::filesystem::path& db) = 0;
  virtual void open(const std::filesystem::path& db) = 0;
  virtual QueryOutcome run(const BenchQuery& query) = 0;
  // How the engine will run the query, for checking a baseline is written as
  // its users would write it (SQLite: EXPLAIN QUERY PLAN of each statement).
  virtual std::string plan(const BenchQuery& /*query*/) { return "(this engine reports no plan)\n"; }
  // Keeps nothing of one query for the next (--no-caches): every run does the whole work.
  virtual void keep_nothing() {}
};

}  // namespace imr::bench
