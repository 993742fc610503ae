#include "progress.h"

#include <cstdio>
#include <string>

#include <unistd.h>

namespace imr::indexer {

Progress::Progress(std::size_t total)
    : total_(total), enabled_(isatty(STDERR_FILENO) == 1 && total > 0), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (!enabled_) return;
  last_draw_ = {};
  draw();
  std::fputc('\n', stderr);
}

void Progress::set(std::size_t done) {
  done_ = done;
  if (!enabled_) return;
  // Redrawing more often than ten times a second only slows indexing down.
  if (std::chrono::steady_clock::now() - last_draw_ > std::chrono::milliseconds(100)) draw();
}

void Progress::draw() const {
  constexpr std::size_t width = 30;
  const auto now = std::chrono::steady_clock::now();
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const std::size_t filled = total_ ? done_ * width / total_ : width;
  const std::string bar = std::string(filled, '#') + std::string(width - filled, '.');
  std::fprintf(stderr, "\r[%s] %zu/%zu files  %.0f/s ", bar.c_str(), done_, total_,
               seconds > 0 ? static_cast<double>(done_) / seconds : 0.0);
  std::fflush(stderr);
}

}  // namespace imr::indexer
