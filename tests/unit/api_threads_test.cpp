// The server's threading rule: each worker thread has its own SearchContext,
// and nothing a request builds may share reference-counted Xapian internals
// with another thread (their counts are not atomic).
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "collector_letters.h"
#include "imr/api/router.h"
#include "imr/collector/filters.h"
#include "imr/query/query_parser.h"
#include "temp_dir.h"

namespace {

using namespace imr;

// The letters of test::make_index, written to a real on-disk index so that
// every thread can open its own handle, as the server's threads do.
void write_disk_index(const std::filesystem::path& dir, std::size_t letters) {
  Xapian::WritableDatabase disk(dir.string(), Xapian::DB_CREATE);
  const indexer::DocumentBuilder builder;
  for (std::size_t i = 0; i < letters; ++i) {
    const auto built = builder.build(test::make_record(i), test::text_of(test::make_record(i), i), "hash");
    disk.replace_document(built.key_term, built.document);
    schema::add_stem_words(disk, built.stems);
  }
  disk.commit();
}

searcher::Request request(std::initializer_list<std::pair<const std::string, std::string>> params) {
  searcher::Request r;
  r.params.insert(params.begin(), params.end());
  return r;
}

struct Call {
  std::string path;
  searcher::Request request;
};

// The answer without its timing, which differs from call to call.
std::string answer(searcher::SearchContext& ctx, const Call& call) {
  searcher::Response res = searcher::route(ctx, call.path, call.request);
  res.body.erase("took_ms");
  return std::to_string(res.status) + res.body.dump();
}

}  // namespace

TEST_CASE("threads: queries that match everything own their Xapian internals") {
  const searcher::QueryParser parser(schema::Vocabulary::builtin());
  const auto* shared = Xapian::Query::MatchAll.internal.get();
  for (const char* q : {"", "-carisoprodol", "NOT pain", "-pain -knee"}) {
    CAPTURE(q);
    const Xapian::Query query = parser.parse(q).query;
    CHECK(query.internal.get() != shared);
  }
  CHECK(searcher::Filters().query().internal.get() != shared);
}

TEST_CASE("threads: worker threads with their own contexts give the single-threaded answers") {
  const testing::TempDir dir;
  write_disk_index(dir.path(), 40);
  const std::vector<Call> calls{
      {"/api/stats", request({{"by", "drug"}})},
      {"/api/search", request({})},
      {"/api/search", request({{"q", "-alpha"}, {"per_page", "3"}})},
      {"/api/search", request({{"q", "treatment"}, {"filter", "decision:upheld"}})},
      {"/api/stats", request({{"by", "guideline"}, {"q", "NOT beta"}})},
  };
  std::vector<std::string> expected;
  {
    const auto ctx = searcher::SearchContext::open(dir.path(), schema::Vocabulary::builtin());
    for (const Call& c : calls) expected.push_back(answer(*ctx, c));
  }
  constexpr int kThreads = 4, kRounds = 150;
  std::vector<std::vector<int>> mismatches(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      const auto ctx = searcher::SearchContext::open(dir.path(), schema::Vocabulary::builtin());
      for (int round = 0; round < kRounds; ++round)
        for (std::size_t i = 0; i < calls.size(); ++i)
          if (answer(*ctx, calls[i]) != expected[i]) mismatches[t].push_back(static_cast<int>(i));
    });
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) {
    CAPTURE(t);
    CHECK(mismatches[t].empty());
  }
}
