// The per-request time budget: scans past their deadline throw QueryTimeout,
// and the API answers 503 instead of inexact counts.
#include <doctest/doctest.h>

#include "collector_letters.h"
#include "imr/api/handlers.h"
#include "imr/collector/collector.h"
#include "imr/collector/outcome_stats.h"

namespace {

using namespace imr;
using namespace std::chrono_literals;

// A deadline that has already passed when the scan starts.
searcher::Deadline expired() { return searcher::Deadline(searcher::Clock::now() - 1s, 1ms); }

}  // namespace

TEST_CASE("deadline: the message names the limit") {
  CHECK(std::string(searcher::QueryTimeout(searcher::kQueryBudget).what()) ==
        "the query took too long (limit 2 s); narrow it");
  CHECK(std::string(searcher::QueryTimeout(250ms).what()) == "the query took too long (limit 0.25 s); narrow it");
  CHECK_NOTHROW(searcher::Deadline().check());
  CHECK_NOTHROW(searcher::Deadline(searcher::Clock::now(), 1h).check());
  CHECK_THROWS_AS(expired().check(), searcher::QueryTimeout);
}

TEST_CASE("deadline: collect and outcome_stats stop past the deadline") {
  const test::LetterIndex index = test::make_index(12);
  const auto filters = searcher::Filters::parse(std::vector<std::string>{"drug:carisoprodol", "decision:upheld"});
  const searcher::PageRequest page;
  CHECK_THROWS_AS(searcher::collect(index.db, Xapian::Query::MatchAll, filters, page, expired()),
                  searcher::QueryTimeout);
  CHECK_THROWS_AS(searcher::outcome_stats(index.db, Xapian::Query::MatchAll, filters, schema::FieldId::drug, expired()),
                  searcher::QueryTimeout);
  const searcher::Deadline ample(searcher::Clock::now(), 1h);
  CHECK(searcher::collect(index.db, Xapian::Query::MatchAll, {}, page, ample).total == 12);
}

TEST_CASE("deadline: the API answers 503 when the budget runs out") {
  test::LetterIndex index = test::make_index(12);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};
  searcher::Request request;
  request.params.emplace("q", "");
  const auto run = [&](auto handler) { return searcher::respond(ctx, [&] { return handler(ctx, request); }); };

  CHECK(run(searcher::search).status == 200);
  CHECK(run(searcher::stats).status == 200);
  ctx.set_time_budget(0ms);
  for (const auto& res : {run(searcher::search), run(searcher::stats)}) {
    CHECK(res.status == 503);
    CHECK(res.body["error"] == "the query took too long (limit 0 s); narrow it");
  }
}
