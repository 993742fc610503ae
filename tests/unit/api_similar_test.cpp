// /api/similar/{key}: more like this, from the letter's own terms, among
// letters sharing an item category with it, never the letter itself.
#include <doctest/doctest.h>

#include <set>

#include "collector_letters.h"
#include "imr/api/handlers.h"

namespace {

using namespace imr;
using nlohmann::json;

std::set<std::string> categories_of(const schema::Record& r) {
  std::set<std::string> out;
  for (const schema::Item& item : r.items) out.insert(item.category);
  return out;
}

struct Similar {
  test::LetterIndex index = test::make_index(40);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};

  searcher::Response of(const std::string& key,
                        std::initializer_list<std::pair<const std::string, std::string>> params = {}) {
    searcher::Request r;
    r.params.insert(params.begin(), params.end());
    return searcher::respond(ctx, [&] { return searcher::similar(ctx, r, key); });
  }
};

}  // namespace

TEST_CASE("similar: letters sharing a category, best first, never the letter itself") {
  Similar s;
  for (std::size_t i : {0u, 7u, 13u}) {
    const schema::Record& source = s.index.records[i];
    CAPTURE(*source.case_number);
    const auto res = s.of(*source.case_number, {{"per_page", "100"}});
    REQUIRE(res.status == 200);
    CHECK(res.body["of"]["case_number"] == *source.case_number);
    const std::set<std::string> wanted = categories_of(source);
    std::size_t sharing = 0;
    for (const schema::Record& r : s.index.records) {
      if (r.case_number == source.case_number) continue;
      const std::set<std::string> mine = categories_of(r);
      sharing += std::ranges::any_of(mine, [&](const std::string& c) { return wanted.contains(c); });
    }
    // Only letters with some of the chosen words are similar at all.
    CHECK(res.body["total"].get<std::size_t>() > 0);
    CHECK(res.body["total"].get<std::size_t>() <= sharing);
    REQUIRE(res.body["hits"].size() == res.body["total"].get<std::size_t>());
    for (const json& hit : res.body["hits"]) {
      CHECK(hit["case_number"] != *source.case_number);
      bool shares = false;
      for (const json& item : hit["items"]) {
        const bool same_category = wanted.contains(item["category"].get<std::string>());
        CHECK(item["matched"] == same_category);
        shares = shares || same_category;
      }
      CHECK(shares);
    }
  }
}

TEST_CASE("similar: the letter with the same words ranks first") {
  test::LetterIndex index = test::make_index(20);
  schema::Record twin = test::make_record(3);
  twin.case_number = "CM99-0000001";
  test::add_letter(index, twin, test::text_of(test::make_record(3), 3) + "\n\nLumbar radiculopathy fluoroscopy.");
  schema::Record source = test::make_record(3);
  source.case_number = "CM99-0000002";
  test::add_letter(index, source, test::text_of(test::make_record(3), 3) + "\n\nLumbar radiculopathy fluoroscopy.");
  index.db.commit();
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};
  const auto res = searcher::respond(ctx, [&] { return searcher::similar(ctx, {}, "CM99-0000002"); });
  REQUIRE(res.status == 200);
  REQUIRE_FALSE(res.body["hits"].empty());
  CHECK(res.body["hits"][0]["case_number"] == "CM99-0000001");
  CHECK(res.body["hits"][0]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
}

TEST_CASE("similar: unknown letters are 404, filters and paging apply") {
  Similar s;
  CHECK(s.of("CM00-0000000").status == 404);
  CHECK(s.of("CM00-0000000").body.contains("error"));
  const std::string key = *s.index.records[0].case_number;
  const auto overturned = s.of(key, {{"filter", "decision:overturned"}, {"per_page", "100"}});
  REQUIRE(overturned.status == 200);
  for (const json& hit : overturned.body["hits"]) {
    bool any = false;
    for (const json& item : hit["items"]) any = any || item["decision"] == "overturned";
    CHECK(any);
  }
  CHECK(s.of(key, {{"filter", "colour:red"}}).status == 400);
  CHECK(s.of(key, {{"page", "99"}}).body["hits"].empty());
}
