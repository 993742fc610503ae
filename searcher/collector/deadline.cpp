// Deadline: the clock check and the user-facing timeout message.
#include "imr/collector/deadline.h"

#include <sstream>

namespace imr::searcher {
namespace {

// "2 s", "0.5 s", "0.001 s": the budget as the user reads it.
std::string seconds(std::chrono::milliseconds budget) {
  std::ostringstream out;
  out << static_cast<double>(budget.count()) / 1000.0 << " s";
  return out.str();
}

}  // namespace

QueryTimeout::QueryTimeout(std::chrono::milliseconds budget)
    : std::runtime_error("the query took too long (limit " + seconds(budget) + "); narrow it") {}

void Deadline::check() const {
  if (Clock::now() >= at_) throw QueryTimeout(budget_);
}

}  // namespace imr::searcher
