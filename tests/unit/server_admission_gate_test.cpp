// AdmissionGate: how many searches run at once, in what order the others
// get their turn, and when one gives up.
#include <doctest/doctest.h>

#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "server/admission_gate.h"

namespace {

using imr::searcher::AdmissionGate;
using namespace std::chrono_literals;

void wait_until_waiting(AdmissionGate& gate, std::size_t n) {
  while (gate.waiting() < n) std::this_thread::yield();
}

}  // namespace

TEST_CASE("admission gate: as many at once as there are slots, then a bounded wait") {
  AdmissionGate gate(2, 30ms);
  const auto a = gate.enter();
  const auto b = gate.enter();
  CHECK(a);
  CHECK(b);
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(gate.enter());
  CHECK(std::chrono::steady_clock::now() - start >= 30ms);
  CHECK(gate.waiting() == 0);  // who gave up left the queue
}

TEST_CASE("admission gate: a slot left is a slot free again") {
  AdmissionGate gate(1, 0ms);
  {
    const auto held = gate.enter();
    CHECK(held);
    CHECK_FALSE(gate.enter());
  }
  CHECK(gate.enter());
  AdmissionGate at_least_one(0, 0ms);
  CHECK(at_least_one.enter());
}

TEST_CASE("admission gate: first come, first served") {
  AdmissionGate gate(1, 10s);
  std::vector<int> order;
  std::mutex order_mutex;
  std::vector<std::thread> waiters;
  {
    const auto held = gate.enter();
    for (int i = 0; i < 5; ++i) {
      waiters.emplace_back([&, i] {
        const auto ticket = gate.enter();
        const std::lock_guard lock(order_mutex);
        order.push_back(ticket ? i : -1);
      });
      wait_until_waiting(gate, static_cast<std::size_t>(i) + 1);
    }
  }
  for (std::thread& t : waiters) t.join();
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(gate.waiting() == 0);
  CHECK(gate.enter());
}

TEST_CASE("admission gate: a leaving search hands its slot to the waiter, not to a newcomer") {
  AdmissionGate gate(1, 300ms);
  std::optional<AdmissionGate::Ticket> held(gate.enter());
  std::promise<void> admitted, done;
  std::thread waiter([&] {
    const auto ticket = gate.enter();
    admitted.set_value();
    done.get_future().wait();
  });
  wait_until_waiting(gate, 1);
  held.reset();  // hands the slot over before it returns
  CHECK_FALSE(gate.enter());
  admitted.get_future().wait();
  done.set_value();
  waiter.join();
  CHECK(gate.enter());
}
