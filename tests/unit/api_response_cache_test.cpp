// Repeated search and stats requests are answered from the response cache
// while the index is unchanged, identically but for took_ms and "cached",
// and never once it has changed; the cache keeps the most recently used.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "collector_letters.h"
#include "imr/api/response_cache.h"
#include "imr/api/router.h"
#include "on_disk_letters.h"

namespace {

using namespace imr;
using nlohmann::json;

// The answer without what a cached answer may differ in.
json comparable(json body) {
  body.erase("took_ms");
  body.erase("cached");
  return body;
}

using test::OnDiskIndex;

searcher::Response get(searcher::SearchContext& ctx, const std::string& path, const std::string& q) {
  searcher::Request r;
  r.params.emplace("q", q);
  return searcher::route(ctx, path, r);
}

}  // namespace

TEST_CASE("response cache: a repeated request is answered from memory until the index changes") {
  OnDiskIndex index;
  for (std::size_t i = 0; i < 12; ++i) index.add(i);
  searcher::SearchContext ctx(Xapian::Database((index.dir / "index").string()), schema::Vocabulary::builtin());
  ctx.set_response_cache(std::make_shared<searcher::ResponseCache>(8));

  const searcher::Response first = get(ctx, "/api/search", "treatment");
  REQUIRE(first.status == 200);
  CHECK(first.body["cached"] == false);
  const searcher::Response again = get(ctx, "/api/search", "treatment");
  CHECK(again.body["cached"] == true);
  CHECK(comparable(again.body) == comparable(first.body));
  CHECK(get(ctx, "/api/search", "alpha").body["cached"] == false);  // other parameters, other answer

  const searcher::Response stats = get(ctx, "/api/stats", "");
  CHECK(stats.body["cached"] == false);
  CHECK(comparable(get(ctx, "/api/stats", "").body) == comparable(stats.body));

  index.add(12);  // a new revision: nothing from before may be served
  const searcher::Response changed = get(ctx, "/api/search", "treatment");
  CHECK(changed.body["cached"] == false);
  CHECK(changed.body["total"].get<int>() == first.body["total"].get<int>() + 1);
  CHECK(get(ctx, "/api/stats", "").body["cached"] == false);
}

TEST_CASE("response cache: errors and uncacheable routes are never kept") {
  OnDiskIndex index;
  index.add(0);
  searcher::SearchContext ctx(Xapian::Database((index.dir / "index").string()), schema::Vocabulary::builtin());
  ctx.set_response_cache(std::make_shared<searcher::ResponseCache>(8));
  CHECK(get(ctx, "/api/search", "\"unbalanced").status == 400);
  CHECK(get(ctx, "/api/search", "\"unbalanced").status == 400);
  CHECK_FALSE(get(ctx, "/api/health", "").body.contains("cached"));
}

TEST_CASE("response cache: the least recently used answer goes first, and no key forges another") {
  searcher::ResponseCache cache(2);
  cache.store("a", json{{"n", 1}});
  cache.store("b", json{{"n", 2}});
  CHECK(cache.find("a") == json{{"n", 1}});  // a is now the most recent
  cache.store("c", json{{"n", 3}});          // so b goes
  CHECK_FALSE(cache.find("b"));
  CHECK(cache.find("a"));
  CHECK(cache.find("c"));

  searcher::ResponseCache none(0);
  none.store("a", json{{"n", 1}});
  CHECK_FALSE(none.find("a"));

  searcher::Request one, other;
  one.params.emplace("q", "a b");
  other.params.emplace("q", "a");
  other.params.emplace("b", "");
  const auto key = [](std::string_view uuid, Xapian::rev revision, const searcher::Request& request) {
    return searcher::ResponseCache::key_of(uuid, revision, "/api/search", request);
  };
  CHECK(key("u", 1, one) != key("u", 1, other));
  CHECK(key("u", 1, one) != key("u", 2, one));
  CHECK(key("u", 1, one) != key("v", 1, one));  // an index made again from scratch
}
