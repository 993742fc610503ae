#include "imr/api/response_cache.h"

namespace imr::searcher {

ResponseCache::ResponseCache(std::size_t max_answers) : max_answers_(max_answers) {}

std::string ResponseCache::key_of(std::string_view index_uuid, Xapian::rev revision, std::string_view path,
                                  const Request& request) {
  // Lengths before each part: no parameter value can forge another key.
  std::string key = std::string(index_uuid) + ' ' + std::to_string(revision) + ' ' + std::to_string(path.size()) + ':' +
                    std::string(path);
  for (const auto& [name, value] : request.params)
    key += ' ' + std::to_string(name.size()) + ':' + name + std::to_string(value.size()) + ':' + value;
  return key;
}

std::optional<nlohmann::json> ResponseCache::find(const std::string& key) {
  const std::lock_guard lock(mutex_);
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return std::nullopt;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->second;
}

void ResponseCache::store(const std::string& key, const nlohmann::json& body) {
  if (max_answers_ == 0) return;
  const std::lock_guard lock(mutex_);
  if (const auto it = by_key_.find(key); it != by_key_.end()) {
    it->second->second = body;
    recent_.splice(recent_.begin(), recent_, it->second);
    return;
  }
  recent_.emplace_front(key, body);
  by_key_[key] = recent_.begin();
  if (recent_.size() > max_answers_) {
    by_key_.erase(recent_.back().first);
    recent_.pop_back();
  }
}

}  // namespace imr::searcher
