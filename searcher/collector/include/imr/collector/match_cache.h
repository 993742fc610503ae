// The letters that recent broad matcher queries matched, as docid bits, for
// one index revision (as Lucene's query cache keeps a segment's bit sets).
// A phrase over most letters costs a position check in every letter, and
// the same words come back with each facet click, page or order: counting
// them again walks the bits instead. Thread-safe; the least recently used
// entry goes first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace imr::searcher {

// Bit d of the words is docid d.
using DocidBits = std::vector<std::uint64_t>;

class MatchCache {
 public:
  explicit MatchCache(std::size_t capacity) : capacity_(capacity) {}

  // Null when key (a serialised Xapian::Query) was not kept.
  std::shared_ptr<const DocidBits> find(const std::string& key);
  void put(const std::string& key, std::shared_ptr<const DocidBits> letters);
  std::size_t size() const;
  // False for a cache told to keep none: nothing is worth recording for it.
  bool keeps_any() const { return capacity_ > 0; }

 private:
  mutable std::mutex mutex_;
  const std::size_t capacity_;
  std::list<std::pair<std::string, std::shared_ptr<const DocidBits>>> entries_;  // most recently used first
};

}  // namespace imr::searcher
