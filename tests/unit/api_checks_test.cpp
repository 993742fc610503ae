// The self-checks in the index and the API: each record's checks become
// check:KIND terms (filter and query), a facet, and /api/health's counts,
// all equal to the number of letters built with the kind.
#include <doctest/doctest.h>

#include <cctype>
#include <map>
#include <set>
#include <string>

#include "collector_letters.h"
#include "imr/api/handlers.h"
#include "imr/api/router.h"
#include "imr/schema/checks.h"

namespace {

using namespace imr;
using nlohmann::json;

constexpr std::size_t kLetters = 30;

// Letter i carries kind k every (k + 2)th letter from k on; the last kind no letter, so 0 is seen too.
bool carries(std::size_t i, std::size_t k) {
  return k + 1 < schema::check_kinds().size() && i % (k + 2) == k % (k + 2);
}

struct CheckedApi {
  test::LetterIndex index;
  std::map<std::string, std::set<std::string>> letters_with;  // kind -> case numbers
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};

  CheckedApi() {
    for (std::size_t i = 0; i < kLetters; ++i) {
      schema::Record r = test::make_record(i);
      for (std::size_t k = 0; k < schema::check_kinds().size(); ++k) {
        const std::string& kind = schema::check_kinds()[k].name;
        if (carries(i, k)) {
          r.checks.push_back(kind);
          letters_with[kind].insert(*r.case_number);
        }
      }
      test::add_letter(index, r, test::text_of(r, i));
    }
    index.db.commit();
  }

  searcher::Response get(const std::string& path,
                         std::initializer_list<std::pair<const std::string, std::string>> params) {
    searcher::Request r;
    r.params.insert(params.begin(), params.end());
    return searcher::route(ctx, path, r);
  }

  std::set<std::string> case_numbers(const json& result) const {
    std::set<std::string> out;
    for (const json& hit : result["hits"]) out.insert(hit["case_number"].get<std::string>());
    return out;
  }
};

}  // namespace

TEST_CASE("api checks: health counts every kind as the letters that carry it") {
  CheckedApi api;
  const searcher::Response res = api.get("/api/health", {});
  REQUIRE(res.status == 200);
  const json& checks = res.body["checks"];
  REQUIRE(checks.size() == schema::check_kinds().size());
  for (const schema::CheckKind& kind : schema::check_kinds()) {
    CAPTURE(kind.name);
    CHECK(checks[kind.name] == api.letters_with[kind.name].size());
  }
  CHECK(checks[schema::check_kinds().back().name] == 0);
  CHECK(checks[schema::check_kinds().front().name] == kLetters / 2);
}

TEST_CASE("api checks: filter and query check:KIND give exactly the letters with the kind") {
  CheckedApi api;
  for (const schema::CheckKind& kind : schema::check_kinds()) {
    CAPTURE(kind.name);
    const auto& expected = api.letters_with[kind.name];
    const searcher::Response filtered = api.get("/api/search", {{"filter", "check:" + kind.name}, {"per_page", "100"}});
    REQUIRE(filtered.status == 200);
    CHECK(filtered.body["total"] == expected.size());
    CHECK(api.case_numbers(filtered.body) == expected);
    const searcher::Response queried = api.get("/api/search", {{"q", "check:" + kind.name}, {"per_page", "100"}});
    REQUIRE(queried.status == 200);
    CHECK(api.case_numbers(queried.body) == expected);
  }
  // As people type them: any case, underscores for hyphens.
  const std::string second = schema::check_kinds()[1].name;
  std::string typed = second;
  for (char& c : typed) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(api.get("/api/search", {{"filter", "check:" + typed}}).body["total"] == api.letters_with[second].size());
  CHECK(api.get("/api/search", {{"q", "check:" + typed}}).body["total"] == api.letters_with[second].size());
}

TEST_CASE("api checks: two kinds as filters mean either and in a query both") {
  CheckedApi api;
  const std::string a = schema::check_kinds()[0].name, b = schema::check_kinds()[1].name;
  std::set<std::string> either = api.letters_with[a];
  either.insert(api.letters_with[b].begin(), api.letters_with[b].end());
  const auto res = api.get("/api/search", {{"filter", "check:" + a}, {"filter", "check:" + b}, {"per_page", "100"}});
  CHECK(api.case_numbers(res.body) == either);
  const auto both = api.get("/api/search", {{"q", "check:" + a + " check:" + b}, {"per_page", "100"}});
  for (const std::string& key : api.case_numbers(both.body))
    CHECK((api.letters_with[a].contains(key) && api.letters_with[b].contains(key)));
}

TEST_CASE("api checks: an unknown kind is a 400 that lists the kinds") {
  CheckedApi api;
  for (const auto& params : {std::pair<std::string, std::string>{"filter", "check:no-such-kind"},
                             std::pair<std::string, std::string>{"q", "carisoprodol check:no-such-kind"}}) {
    CAPTURE(params.second);
    const searcher::Response res = api.get("/api/search", {params});
    REQUIRE(res.status == 400);
    const std::string error = res.body["error"];
    CHECK(error.find("no-such-kind") != std::string::npos);
    for (const schema::CheckKind& kind : schema::check_kinds()) CHECK(error.find(kind.name) != std::string::npos);
  }
}

TEST_CASE("api checks: the check facet counts the letters of each kind") {
  CheckedApi api;
  const searcher::Response res = api.get("/api/search", {});
  REQUIRE(res.status == 200);
  std::map<std::string, std::size_t> facet;
  for (const json& v : res.body["facets"]["check"]) facet[v["value"]] = v["count"];
  for (const auto& entry : api.letters_with) CHECK(facet[entry.first] == entry.second.size());
  CHECK(facet.size() == api.letters_with.size());
}

TEST_CASE("api checks: the OpenAPI document names every kind and the check field") {
  const json& spec = searcher::openapi_document();
  const std::string health = spec["components"]["schemas"]["Health"]["properties"]["checks"]["description"];
  for (const schema::CheckKind& kind : schema::check_kinds()) CHECK(health.find(kind.name) != std::string::npos);
  CHECK(spec["components"]["parameters"]["filter"]["description"].get<std::string>().find("check:") !=
        std::string::npos);
  CHECK(spec["components"]["parameters"]["q"]["description"].get<std::string>().find("check:") != std::string::npos);
}
