// ContextPool: a map from thread to context, guarded by a mutex only while looking up.
#include "context_pool.h"

namespace imr::searcher {

ContextPool::ContextPool(std::filesystem::path index_dir, std::shared_ptr<const schema::Vocabulary> vocabulary,
                         std::chrono::milliseconds time_budget)
    : index_dir_(std::move(index_dir)), vocabulary_(std::move(vocabulary)), time_budget_(time_budget) {}

SearchContext& ContextPool::for_this_thread() {
  const std::lock_guard lock(mutex_);
  auto& slot = contexts_[std::this_thread::get_id()];
  if (!slot) {
    slot = SearchContext::open(index_dir_, vocabulary_);
    slot->set_time_budget(time_budget_);
  }
  return *slot;
}

}  // namespace imr::searcher
