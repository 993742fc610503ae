// ContextPool: a map from thread to context, guarded by a mutex only while looking up.
#include "context_pool.h"

namespace imr::searcher {

ContextPool::ContextPool(std::filesystem::path index_dir, std::shared_ptr<const schema::Vocabulary> vocabulary,
                         std::chrono::milliseconds time_budget, std::shared_ptr<ResponseCache> response_cache,
                         std::size_t kept_matches)
    : index_dir_(std::move(index_dir)),
      vocabulary_(std::move(vocabulary)),
      time_budget_(time_budget),
      response_cache_(std::move(response_cache)),
      columns_cache_(std::make_shared<FacetColumnsCache>(kept_matches)) {}

SearchContext& ContextPool::for_this_thread() {
  const std::lock_guard lock(mutex_);
  auto& slot = contexts_[std::this_thread::get_id()];
  if (!slot) {
    slot = SearchContext::open(index_dir_, vocabulary_);
    slot->set_time_budget(time_budget_);
    slot->set_response_cache(response_cache_);
    slot->set_facet_columns_cache(columns_cache_);
  }
  return *slot;
}

void ContextPool::warm_up() {
  try {
    const std::unique_ptr<SearchContext> context = SearchContext::open(index_dir_, vocabulary_);
    context->set_facet_columns_cache(columns_cache_);
    context->facet_columns();
  } catch (const std::exception&) {
    // No index yet, or unreadable: every request says so itself, as before.
  } catch (const Xapian::Error&) {
  }
}

}  // namespace imr::searcher
