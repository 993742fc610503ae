// Compaction after bulk loads (imr-index --compact, indexer/index/compaction.h):
// the index is compacted in place by a copy and an atomic swap, a searcher
// open across the swap answers its next request from the compacted index,
// and a run stopped after any step leaves a whole index.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "imr/api/handlers.h"
#include "imr/api/router.h"
#include "imr/api/search_context.h"
#include "imr/document/document_builder.h"
#include "imr/index/sharded_index.h"
#include "imr/schema/index_shards.h"
#include "imr/schema/stored_letter.h"
#include "imr/schema/vocabulary.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace imr;

constexpr int kLetters = 300;

// Letters in batches of 16, so the tables hold the partly empty blocks compaction removes.
void write_letters(const fs::path& dir, std::size_t shards) {
  indexer::ShardedIndex index(dir, shards, 16);
  const indexer::DocumentBuilder builder;
  for (int i = 0; i < kLetters; ++i) {
    schema::Record r;
    r.case_number = "CM-" + std::to_string(i);
    r.source = *r.case_number + ".txt";
    const std::string text = "Letter " + std::to_string(i) + (i % 3 == 0 ? " walking" : " walked") +
                             " with pain; injections were requested on day " + std::to_string(i * 7) + ".";
    const auto built = builder.build(r, text, "h" + std::to_string(i));
    index.shard(index.shard_of(built.key_term)).write(built, r.source);
  }
}

// The search's answer without what differs between runs.
nlohmann::json search(searcher::SearchContext& ctx, const std::string& q) {
  searcher::Request request;
  request.params = {{"q", q}};
  searcher::Response res = searcher::respond(ctx, [&] { return searcher::route(ctx, "/api/search", request); });
  res.body.erase("took_ms");
  res.body.erase("cached");
  return {{"status", res.status}, {"body", res.body}};
}

// Every letter reads back and the index is of the current scheme.
void check_whole(const fs::path& dir) {
  const auto ctx = searcher::SearchContext::open(dir, schema::Vocabulary::builtin());
  REQUIRE(ctx->db().get_doccount() == kLetters);
  for (Xapian::docid id = 1; id <= ctx->db().get_lastdocid(); ++id) {
    CAPTURE(id);
    CHECK(schema::decode_stored_letter(ctx->db().get_document(id).get_data(), ctx->letter_dictionaries())
              .record.case_number);
  }
  CHECK(search(*ctx, "walk")["body"]["total"] == kLetters);
}

bool leftovers(const fs::path& dir) {
  const fs::path parent = dir.parent_path();
  for (const auto& e : fs::recursive_directory_iterator(parent))
    if (e.path().string().ends_with(".compacting")) return true;
  return false;
}

struct Killed {};  // not a std::exception: nothing cleans up after it, as after kill -9

}  // namespace

TEST_CASE("compaction: a plain and a sharded index shrink in place, and an open searcher answers the same") {
  for (const std::size_t shards : {1, 2}) {
    CAPTURE(shards);
    const testing::TempDir tmp;
    const fs::path dir = tmp / "index";
    write_letters(dir, shards);
    const auto ctx = searcher::SearchContext::open(dir, schema::Vocabulary::builtin());
    const nlohmann::json before = search(*ctx, "\"walking with pain\"");
    REQUIRE(before["status"] == 200);
    REQUIRE(before["body"]["total"] == kLetters / 3);
    const indexer::CompactionResult r = indexer::ShardedIndex(dir).compact();
    CHECK(r.bytes_after < r.bytes_before);
    CHECK_FALSE(leftovers(dir));
    CHECK(schema::stub_databases(dir).size() == (shards == 1 ? 0 : shards));
    CHECK(search(*ctx, "\"walking with pain\"") == before);  // the searcher opened before the swap
    check_whole(dir);
    // The compacted index takes new letters.
    indexer::ShardedIndex again(dir);
    CHECK(again.remove("CM-0"));
  }
}

TEST_CASE("compaction: stopped after any step, the index is whole and the next compaction completes") {
  for (const indexer::CompactionStep stop : {indexer::CompactionStep::copied, indexer::CompactionStep::swapped}) {
    CAPTURE(static_cast<int>(stop));
    const testing::TempDir tmp;
    const fs::path dir = tmp / "index";
    write_letters(dir, 2);
    CHECK_THROWS_AS(indexer::ShardedIndex(dir).compact([&](indexer::CompactionStep step) {
      if (step == stop) throw Killed{};
    }),
                    Killed);
    CHECK(leftovers(dir));  // what a kill leaves
    check_whole(dir);
    indexer::ShardedIndex(dir).compact();
    CHECK_FALSE(leftovers(dir));
    check_whole(dir);
  }
}
