// The API handlers without HTTP: JSON shapes, status codes, matched items.
#include <doctest/doctest.h>

#include "collector_letters.h"
#include "imr/api/handlers.h"

namespace {

using namespace imr;
using nlohmann::json;

searcher::Request request(std::initializer_list<std::pair<const std::string, std::string>> params) {
  searcher::Request r;
  r.params.insert(params.begin(), params.end());
  return r;
}

struct Api {
  test::LetterIndex index = test::make_index(25);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};

  searcher::Response search(const searcher::Request& r) {
    return searcher::respond(ctx, [&] { return searcher::search(ctx, r); });
  }
  searcher::Response stats(const searcher::Request& r) {
    return searcher::respond(ctx, [&] { return searcher::stats(ctx, r); });
  }
  searcher::Response doc(const std::string& key, const searcher::Request& r = {}) {
    return searcher::respond(ctx, [&] { return searcher::document(ctx, r, key); });
  }
};

}  // namespace

TEST_CASE("api: search answers the contract's shape") {
  Api api;
  const auto res = api.search(request({{"per_page", "5"}, {"sort", "date_asc"}}));
  REQUIRE(res.status == 200);
  CHECK(res.body["total"] == 25);
  CHECK(res.body["page"] == 1);
  CHECK(res.body["per_page"] == 5);
  CHECK(res.body["suggestion"].is_null());
  CHECK(res.body["took_ms"].is_number());
  REQUIRE(res.body["hits"].size() == 5);
  const json& hit = res.body["hits"][0];
  for (const char* key : {"key", "case_number", "decision_date", "injury_date", "reviewer", "items", "snippet"})
    CHECK(hit.contains(key));
  CHECK(hit["items"][0].contains("matched"));
  CHECK_FALSE(hit["items"][0].contains("rationale"));
  for (const char* facet : {"decision", "outcome", "drug", "drug_class", "category", "guideline", "specialty",
                            "license_state", "decision_year"})
    CHECK(res.body["facets"].contains(facet));
  CHECK(api.search(request({{"page", "99"}})).body["hits"].empty());
}

TEST_CASE("api: items are matched by item-level filters, on the same item") {
  Api api;
  const auto res = api.search(request({{"filter", "drug:carisoprodol"}, {"per_page", "100"}}));
  REQUIRE(res.status == 200);
  REQUIRE_FALSE(res.body["hits"].empty());
  for (const json& hit : res.body["hits"])
    for (const json& item : hit["items"]) {
      const bool caris = item["drugs"] == json::array({"carisoprodol"});
      CHECK(item["matched"] == caris);
    }
  CHECK(res.body["hits"][0]["snippet"].get<std::string>().find("Rationale for carisoprodol") != std::string::npos);
}

TEST_CASE("api: with item-level filters, the filters alone decide which items are matched") {
  Api api;
  // carisoprodol is a plain word (it also becomes drug:carisoprodol); the
  // filter asks for overturned items, which need not be carisoprodol ones.
  const auto res = api.search(request({{"q", "carisoprodol"}, {"filter", "decision:overturned"}, {"per_page", "100"}}));
  REQUIRE(res.status == 200);
  REQUIRE_FALSE(res.body["hits"].empty());
  bool some_overturned_item_is_not_carisoprodol = false;
  for (const json& hit : res.body["hits"])
    for (const json& item : hit["items"]) {
      CHECK(item["matched"] == (item["decision"] == "overturned"));
      if (item["decision"] == "overturned" && item["drugs"] != json::array({"carisoprodol"}))
        some_overturned_item_is_not_carisoprodol = true;
    }
  CHECK(some_overturned_item_is_not_carisoprodol);
}

TEST_CASE("api: words of the query mark the items they hit") {
  Api api;
  const auto res = api.search(request({{"q", "gabapentin"}, {"per_page", "100"}}));
  REQUIRE(res.status == 200);
  REQUIRE(res.body["total"].get<int>() > 0);
  for (const json& hit : res.body["hits"]) {
    CHECK(hit["snippet"].get<std::string>().find("<mark>gabapentin</mark>") != std::string::npos);
    for (const json& item : hit["items"]) CHECK(item["matched"] == (item["drugs"] == json::array({"gabapentin"})));
  }
}

TEST_CASE("api: bad parameters are 400 with a reason") {
  Api api;
  for (const auto& r :
       {request({{"page", "0"}}), request({{"page", "x"}}), request({{"per_page", "101"}}),
        request({{"per_page", "-1"}}), request({{"sort", "newest"}}), request({{"filter", "colour:red"}}),
        request({{"filter", "drug"}}), request({{"q", "\"soma"}}), request({{"q", std::string(5000, 'a')}})}) {
    const auto res = api.search(r);
    CHECK(res.status == 400);
    CHECK_FALSE(res.body["error"].get<std::string>().empty());
  }
  CHECK(api.stats(request({{"by", "decision"}})).status == 400);
}

TEST_CASE("api: documents by case number or key, 404 otherwise") {
  Api api;
  const std::string case_number = *api.index.records[3].case_number;
  const auto res = api.doc(case_number, request({{"q", "beta"}}));
  REQUIRE(res.status == 200);
  CHECK(res.body["case_number"] == case_number);
  CHECK(res.body["items"].size() == api.index.records[3].items.size());
  CHECK(res.body["html"].get<std::string>().find("<mark>beta</mark>") != std::string::npos);
  CHECK(res.body["html"].get<std::string>().starts_with("<p>"));
  const std::string key = res.body["key"];
  CHECK(api.doc(key).status == 200);
  const auto missing = api.doc("CM00-0000000");
  CHECK(missing.status == 404);
  CHECK(missing.body.contains("error"));
  CHECK(api.doc("").status == 404);
}

TEST_CASE("api: stats rows and health") {
  Api api;
  const auto res = api.stats(request({{"by", "category"}, {"filter", "decision:overturned"}}));
  REQUIRE(res.status == 200);
  CHECK(res.body["by"] == "category");
  std::size_t items = 0;
  for (const json& row : res.body["rows"]) {
    CHECK(row["upheld"] == 0);
    CHECK(row["overturned"] == row["items"]);
    CHECK(row["overturn_rate"] == 1.0);
    items += row["items"].get<std::size_t>();
  }
  std::size_t expected = 0;
  for (const auto& r : api.index.records)
    for (const auto& item : r.items) expected += item.decision == "overturned";
  CHECK(items == expected);
  const auto health = searcher::health(api.ctx);
  CHECK(health.body["status"] == "ok");
  CHECK(health.body["documents"] == 25);
}
