// Graceful shutdown: SIGINT and SIGTERM are blocked in every thread and
// taken by one waiting thread, which runs a callback (no signal-handler code).
#pragma once

#include <functional>
#include <thread>

namespace imr::searcher {

class ShutdownSignals {
 public:
  // Blocks the signals; create it before any other thread starts.
  ShutdownSignals();
  // Wakes and joins the waiting thread if no signal came.
  ~ShutdownSignals();
  ShutdownSignals(const ShutdownSignals&) = delete;
  ShutdownSignals& operator=(const ShutdownSignals&) = delete;

  // Runs on_signal (once, on the waiting thread) when a signal arrives.
  void start(std::function<void()> on_signal);
  // Wakes the waiting thread if no signal came and waits until it is done, so
  // that on_signal no longer runs when what it touches is destroyed.
  void finish();

 private:
  std::thread waiter_;
};

}  // namespace imr::searcher
