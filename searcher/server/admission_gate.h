// AdmissionGate: how many searches run at once. Searches are CPU-bound, so
// more of them running than there are cores only slices every one thinner:
// all get slow together and the per-request time budget (which starts once a
// search is admitted) would expire on queries that are cheap on their own.
// The others wait their turn, first come first served, up to a limit.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <list>
#include <mutex>
#include <utility>

namespace imr::searcher {

class AdmissionGate {
 public:
  // slots: searches at once (at least 1); max_wait: how long one may queue.
  AdmissionGate(std::size_t slots, std::chrono::milliseconds max_wait);

  // Holds a slot until destroyed; false when none came free within max_wait.
  class Ticket {
   public:
    explicit operator bool() const { return gate_ != nullptr; }
    ~Ticket();
    Ticket(Ticket&& other) noexcept : gate_(std::exchange(other.gate_, nullptr)) {}
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket& operator=(Ticket&&) = delete;

   private:
    friend class AdmissionGate;
    explicit Ticket(AdmissionGate* gate) : gate_(gate) {}
    AdmissionGate* gate_;
  };

  Ticket enter();
  std::chrono::milliseconds max_wait() const { return max_wait_; }
  std::size_t waiting();  // searches queued right now

 private:
  struct Waiter {
    std::condition_variable wake;
    bool admitted = false;
  };
  void leave();

  const std::size_t slots_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::size_t running_ = 0;
  std::list<Waiter*> queue_;  // oldest first; a leaving search hands its slot to the front
};

}  // namespace imr::searcher
