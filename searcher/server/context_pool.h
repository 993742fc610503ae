// One SearchContext per worker thread (Xapian handles, parsers and
// analyzers must not be shared), created on a thread's first request.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "imr/api/search_context.h"
#include "imr/schema/vocabulary.h"

namespace imr::searcher {

class ContextPool {
 public:
  ContextPool(std::filesystem::path index_dir, std::shared_ptr<const schema::Vocabulary> vocabulary,
              std::chrono::milliseconds time_budget = kQueryBudget,
              std::shared_ptr<ResponseCache> response_cache = nullptr, std::size_t kept_matches = kKeptMatches);

  // The calling thread's context; only that thread may use it.
  SearchContext& for_this_thread();
  // Builds the facet columns of the index's current revision now (half a
  // second at 100,000 letters), before the first search would wait for them.
  void warm_up();

 private:
  std::filesystem::path index_dir_;
  std::shared_ptr<const schema::Vocabulary> vocabulary_;
  std::chrono::milliseconds time_budget_;
  std::shared_ptr<ResponseCache> response_cache_;
  std::shared_ptr<FacetColumnsCache> columns_cache_;  // one copy of the columns for every thread
  std::mutex mutex_;
  std::unordered_map<std::thread::id, std::unique_ptr<SearchContext>> contexts_;
};

}  // namespace imr::searcher
