// ShutdownSignals: sigwait on a dedicated thread.
#include "shutdown_signals.h"

#include <pthread.h>
#include <signal.h>

namespace imr::searcher {
namespace {

sigset_t shutdown_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

ShutdownSignals::ShutdownSignals() {
  const sigset_t set = shutdown_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void ShutdownSignals::start(std::function<void()> on_signal) {
  waiter_ = std::thread([on_signal = std::move(on_signal)] {
    const sigset_t set = shutdown_set();
    int signal = 0;
    if (sigwait(&set, &signal) == 0) on_signal();
  });
}

ShutdownSignals::~ShutdownSignals() { finish(); }

void ShutdownSignals::finish() {
  if (!waiter_.joinable()) return;
  pthread_kill(waiter_.native_handle(), SIGTERM);  // blocked, so it only wakes sigwait
  waiter_.join();
}

}  // namespace imr::searcher
