// AdmissionGate: a FIFO queue in front of a fixed number of slots. A slot
// is handed over directly to the oldest waiter, so none is ever overtaken.
#include "admission_gate.h"

#include <algorithm>

namespace imr::searcher {

AdmissionGate::AdmissionGate(std::size_t slots, std::chrono::milliseconds max_wait)
    : slots_(std::max<std::size_t>(slots, 1)), max_wait_(max_wait) {}

AdmissionGate::Ticket AdmissionGate::enter() {
  std::unique_lock lock(mutex_);
  if (running_ < slots_ && queue_.empty()) {
    ++running_;
    return Ticket(this);
  }
  Waiter me;
  const auto place = queue_.insert(queue_.end(), &me);
  const bool admitted = me.wake.wait_for(lock, max_wait_, [&] { return me.admitted; });
  if (!admitted) queue_.erase(place);
  return Ticket(admitted ? this : nullptr);
}

void AdmissionGate::leave() {
  const std::lock_guard lock(mutex_);
  if (queue_.empty()) {
    --running_;
    return;
  }
  Waiter* next = queue_.front();
  queue_.pop_front();
  next->admitted = true;  // the slot passes on; running_ stays
  next->wake.notify_one();
}

std::size_t AdmissionGate::waiting() {
  const std::lock_guard lock(mutex_);
  return queue_.size();
}

AdmissionGate::Ticket::~Ticket() {
  if (gate_) gate_->leave();
}

}  // namespace imr::searcher
