// ContextPool: each thread gets its own context, and every context searches
// with the time budget the server was started with (--time-budget).
#include <chrono>
#include <thread>

#include <doctest/doctest.h>
#include <xapian.h>

#include "server/context_pool.h"
#include "temp_dir.h"

namespace {

using namespace imr;
using namespace std::chrono_literals;

std::filesystem::path empty_index(const testing::TempDir& dir) {
  const std::filesystem::path index = dir / "index";
  Xapian::WritableDatabase(index.string(), Xapian::DB_CREATE).commit();
  return index;
}

TEST_CASE("server: context pool: every thread's context searches with the server's time budget") {
  const testing::TempDir dir;
  searcher::ContextPool pool(empty_index(dir), schema::Vocabulary::builtin(), 7500ms);
  searcher::SearchContext& mine = pool.for_this_thread();
  CHECK(mine.time_budget() == 7500ms);
  CHECK(&pool.for_this_thread() == &mine);

  const searcher::SearchContext* theirs = nullptr;
  std::chrono::milliseconds their_budget{0};
  std::thread([&] {
    theirs = &pool.for_this_thread();
    their_budget = theirs->time_budget();
  }).join();
  CHECK(theirs != &mine);
  CHECK(their_budget == 7500ms);
}

TEST_CASE("server: context pool: without a budget given, the default one") {
  const testing::TempDir dir;
  searcher::ContextPool pool(empty_index(dir), schema::Vocabulary::builtin());
  CHECK(pool.for_this_thread().time_budget() == searcher::kQueryBudget);
}

}  // namespace
