#include "imr/collector/match_cache.h"

#include <algorithm>

namespace imr::searcher {

std::shared_ptr<const DocidBits> MatchCache::find(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto it = std::ranges::find(entries_, key, &decltype(entries_)::value_type::first);
  if (it == entries_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, it);
  return it->second;
}

void MatchCache::put(const std::string& key, std::shared_ptr<const DocidBits> letters) {
  const std::lock_guard lock(mutex_);
  if (capacity_ == 0) return;
  std::erase_if(entries_, [&](const auto& entry) { return entry.first == key; });
  entries_.emplace_front(key, std::move(letters));
  if (entries_.size() > capacity_) entries_.pop_back();
}

std::size_t MatchCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace imr::searcher
