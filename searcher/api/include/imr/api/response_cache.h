// Answers already given, per index revision: a search or stats request
// repeated while the index has not changed (the page's landing view of every
// letter, a facet toggled off again, a shared link) is answered from memory.
// The revision is part of the key, so an answer is never served once the
// index has changed. One cache serves every worker thread (a mutex guards
// it); the least recently used answers go first.
#pragma once

#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "imr/api/request.h"

namespace imr::searcher {

class ResponseCache {
 public:
  // max_answers 0: nothing is kept.
  explicit ResponseCache(std::size_t max_answers);

  // The key of a GET path and its parameters at a revision of the index with
  // this uuid (an index made again from scratch counts revisions from 1 again).
  static std::string key_of(std::string_view index_uuid, Xapian::rev revision, std::string_view path,
                            const Request& request);

  std::optional<nlohmann::json> find(const std::string& key);
  void store(const std::string& key, const nlohmann::json& body);

 private:
  using Entry = std::pair<std::string, nlohmann::json>;
  std::size_t max_answers_;
  std::mutex mutex_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace imr::searcher
