// The per-request time budget: when a request must be answered by, checked
// by the scans every kDeadlineStride documents. Enquire::set_time_limit is
// not used because it silently returns inexact counts; a scan that runs out
// of time throws QueryTimeout instead, so counts are exact or absent.
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>

#include "imr/query/query_limits.h"

namespace imr::searcher {

using Clock = std::chrono::steady_clock;

// Documents between two looks at the clock (a power of two: a mask test).
inline constexpr std::uint32_t kDeadlineStride = 1024;

// A scan ran past its deadline; what() is the answer for the user.
class QueryTimeout : public std::runtime_error {
 public:
  explicit QueryTimeout(std::chrono::milliseconds budget);
};

class Deadline {
 public:
  // No limit (tools and tests that scan whole indexes on purpose).
  Deadline() = default;
  Deadline(Clock::time_point start, std::chrono::milliseconds budget) : at_(start + budget), budget_(budget) {}

  // Throws QueryTimeout once the deadline has passed.
  void check() const;

 private:
  Clock::time_point at_ = Clock::time_point::max();
  std::chrono::milliseconds budget_{0};
};

// Counts the documents of one scan and checks the deadline at the first and
// then every kDeadlineStride-th of them (so even a tiny scan sees an expired budget).
class DeadlineTicker {
 public:
  explicit DeadlineTicker(const Deadline& deadline) : deadline_(deadline) {}

  void tick() {
    if ((count_++ & (kDeadlineStride - 1)) == 0) deadline_.check();
  }

 private:
  const Deadline& deadline_;
  std::uint32_t count_ = 0;
};

}  // namespace imr::searcher
