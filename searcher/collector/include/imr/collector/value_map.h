// A hash map keyed by facet value, looked up by string_view without copying:
// the scans count values read straight out of each letter's facet table.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace imr::searcher {

struct ValueHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class T>
using ValueMap = std::unordered_map<std::string, T, ValueHash, std::equal_to<>>;

// The entry for value, made from make(value) the first time it is seen.
template <class T, class Make>
T& entry(ValueMap<T>& map, std::string_view value, Make make) {
  auto it = map.find(value);
  if (it == map.end()) it = map.emplace(std::string(value), make(value)).first;
  return it->second;
}

}  // namespace imr::searcher
