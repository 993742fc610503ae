// A progress bar on stderr, drawn only when stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace imr::indexer {

class Progress {
 public:
  explicit Progress(std::size_t total);
  ~Progress();
  void set(std::size_t done);

 private:
  void draw() const;

  std::size_t total_;
  std::size_t done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  mutable std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace imr::indexer
