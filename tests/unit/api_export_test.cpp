// /api/export without HTTP: the body comes in chunks of at most 512 letters
// (what keeps an export's memory flat), and CSV fields are quoted as RFC 4180 says.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "collector_letters.h"
#include "imr/api/router.h"

namespace {

using namespace imr;

searcher::Response export_of(searcher::SearchContext& ctx, const std::string& format) {
  searcher::Request r;
  r.params.insert({"format", format});
  return searcher::route(ctx, "/api/export", r);
}

// Every chunk of a streamed answer.
std::vector<std::string> chunks_of(searcher::Response& res) {
  REQUIRE(res.next_chunk);
  std::vector<std::string> out;
  for (bool more = true; more;) {
    std::string chunk;
    more = res.next_chunk(chunk);
    out.push_back(std::move(chunk));
    REQUIRE(out.size() < 100);
  }
  return out;
}

std::size_t lines_in(const std::string& s) { return static_cast<std::size_t>(std::ranges::count(s, '\n')); }

}  // namespace

TEST_CASE("export: the body comes 512 letters a chunk") {
  const test::LetterIndex index = test::make_index(1100);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};
  searcher::Response res = export_of(ctx, "jsonl");
  CHECK(res.status == 200);
  CHECK(res.content_type == "application/x-ndjson");
  const std::vector<std::string> chunks = chunks_of(res);
  REQUIRE(chunks.size() == 3);
  CHECK(lines_in(chunks[0]) == 512);
  CHECK(lines_in(chunks[1]) == 512);
  CHECK(lines_in(chunks[2]) == 1100 - 1024);
}

TEST_CASE("export: csv fields with quotes commas and line breaks are quoted and formulas disarmed") {
  test::LetterIndex index;
  schema::Record r = test::make_record(0);
  r.items.resize(3);
  r.items[0].treatment = "Say \"no\", then\nstop";
  r.items[1].treatment = "two\nlines";
  r.items[2].treatment = "=HYPERLINK(\"http://x\";\"y\")";
  r.items[0].drugs = {"a", "b"};
  r.reviewer.license_states = {"CA", "NY"};
  test::add_letter(index, r, test::text_of(r, 0));
  index.db.commit();
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};
  searcher::Response res = export_of(ctx, "csv");
  CHECK(res.content_type == "text/csv; charset=utf-8");
  const std::vector<std::string> chunks = chunks_of(res);
  REQUIRE(chunks.size() == 1);
  const std::string& csv = chunks[0];
  CHECK(
      csv.starts_with("key,case_number,decision_date,injury_date,specialty,license_states,treatment,drugs,"
                      "drug_class,category,decision,guidelines\r\n"));
  CHECK(csv.find(",CA;NY,\"Say \"\"no\"\", then\nstop\",a;b,") != std::string::npos);
  CHECK(csv.find(",\"two\nlines\",") != std::string::npos);
  CHECK(csv.ends_with("\r\n"));
  CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",") != std::string::npos);
  CHECK(lines_in(csv) == 6);  // the header, two rows with a quoted line break each, and one more
}

TEST_CASE("export: an unknown format is a 400") {
  const test::LetterIndex index = test::make_index(3);
  searcher::SearchContext ctx{index.db, schema::Vocabulary::builtin()};
  const searcher::Response res = export_of(ctx, "xml");
  CHECK(res.status == 400);
  CHECK_FALSE(res.next_chunk);
}
