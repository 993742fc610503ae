// A sharded index (imr-index --shards N) answers exactly as one database of
// the same letters: every route's JSON, over many queries, for 2 and 3
// shards; re-indexing replaces letters in place; the shard count is kept.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "collector_letters.h"
#include "imr/api/handlers.h"
#include "imr/api/router.h"
#include "imr/api/search_context.h"
#include "imr/pipeline/index_run.h"
#include "imr/pipeline/letter_files.h"
#include "imr/schema/index_shards.h"
#include "imr/schema/letter_dictionary.h"
#include "imr/schema/letter_identity.h"
#include "temp_dir.h"

namespace {

namespace fs = std::filesystem;
using namespace imr;
using nlohmann::json;

constexpr int kLetters = 400;

std::vector<std::string> generated_letters(const fs::path& out) {
  const std::string cmd = std::string(IMR_BUILD_DIR) + "/imr-generate --letters " + std::to_string(kLetters) +
                          " --out '" + out.string() + "' --seed 13 --threads 2 >/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return indexer::collect_letter_files({(out / "letters").string()}).files;
}

indexer::IndexRunSummary index_into(const fs::path& db, std::size_t shards, const std::vector<std::string>& files) {
  indexer::ShardedIndex index(db, shards);
  indexer::IndexRunSummary summary;
  indexer::index_files(files, 2, index, summary, {.warnings = [](auto&&...) {}, .progress = [](std::size_t) {}});
  return summary;
}

// Each shard trains its own letter dictionary on its first batch; the
// second run's letters are stored with them.
void index_in_two_runs(const fs::path& db, std::size_t shards, const std::vector<std::string>& files) {
  index_into(db, shards, {files.begin(), files.begin() + 250});
  CHECK(index_into(db, shards, files).unchanged == 250);
}

searcher::Request request_of(std::initializer_list<std::pair<const std::string, std::string>> params) {
  searcher::Request r;
  r.params.insert(params.begin(), params.end());
  return r;
}

// An answer as JSON without what differs between any two runs (timings, cache hits).
json answer(searcher::SearchContext& ctx, const std::string& path, const searcher::Request& request) {
  searcher::Response res = searcher::respond(ctx, [&] { return searcher::route(ctx, path, request); });
  json out = {{"status", res.status}, {"body", res.body}};
  if (res.next_chunk) {
    std::string streamed;
    while (res.next_chunk(streamed)) {
    }
    out["streamed"] = streamed;
  }
  if (out["body"].is_object()) {
    out["body"].erase("took_ms");
    out["body"].erase("cached");
  }
  return out;
}

// Letters that score the same (no words, by relevance) come in docid order,
// which a sharded index interleaves: such answers must hold the same letters
// over all pages, and be identical but for the order of the hits.
// Letters that tie are in docid order, and a sharded index's docids
// interleave: by relevance without words every letter ties; by date, letters
// of one day with the same weight do (every letter of a day without words).
bool ties_by_docid(const searcher::Request& request) {
  return request.param("sort", "relevance") != "relevance" || request.param("q").empty();
}

// By date, the hits' dates must still come in the same order.
bool same_dates(const searcher::Request& request, const json& a, const json& b) {
  if (request.param("sort", "relevance") == "relevance") return true;
  const auto dates = [](const json& answer) {
    std::vector<json> out;
    for (const json& hit : answer["body"]["hits"]) out.push_back(hit["decision_date"]);
    return out;
  };
  return dates(a) == dates(b);
}

std::multiset<std::string> all_keys(searcher::SearchContext& ctx, searcher::Request request) {
  std::multiset<std::string> keys;
  request.params.erase("page");
  request.params.erase("per_page");
  request.params.insert({{"per_page", "100"}});
  for (int page = 1; page <= kLetters / 100 + 1; ++page) {
    request.params.erase("page");
    request.params.insert({"page", std::to_string(page)});
    const json page_answer = answer(ctx, "/api/search", request);  // kept: the loop reads inside it
    for (const json& hit : page_answer["body"]["hits"]) keys.insert(hit["key"].get<std::string>());
  }
  return keys;
}

bool same_but_order_of_hits(json a, json b) {
  a["body"].erase("hits");
  b["body"].erase("hits");
  return a == b;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

// The letter's case number as printed ("Case Number: CM17-1250406"), if any.
std::optional<std::string> case_number_in(const std::string& letter) {
  static const std::regex printed(R"(Case Number: (CM\d\d-\d{7}))");
  std::smatch m;
  if (!std::regex_search(letter, m, printed)) return std::nullopt;
  return m[1].str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

struct Ask {
  std::string path;
  searcher::Request request;
};

// The queries both indexes answer: the benchmark's kinds (words, phrases,
// synonyms, filters, dates, deep pages, sorts, stats) and a misspelling.
std::vector<Ask> questions() {
  std::vector<Ask> out;
  const std::vector<std::string> texts = {"",
                                          "pain",
                                          "lumbar fusion",
                                          "\"functional improvement\"",
                                          "soma",
                                          "gabapentin",
                                          "nortriptyline",
                                          "chronic lumbar radiculopathy",
                                          "gabapentn",
                                          "physical therapy"};
  for (const std::string& q : texts)
    for (const char* sort : {"relevance", "date_desc", "date_asc"})
      for (const char* page : {"1", "2", "5"}) {
        out.push_back({"/api/search", request_of({{"q", q}, {"sort", sort}, {"page", page}, {"per_page", "7"}})});
        out.push_back({"/api/search", request_of({{"q", q},
                                                  {"sort", sort},
                                                  {"page", page},
                                                  {"filter", "decision:overturned"},
                                                  {"decided_from", "2014-01-01"}})});
      }
  for (const std::string& q : texts)
    for (const char* by : {"drug", "decision", "year"})
      out.push_back({"/api/stats", request_of({{"q", q}, {"by", by}})});
  for (const char* format : {"csv", "jsonl"})
    out.push_back({"/api/export", request_of({{"q", "pain"}, {"format", format}})});
  return out;
}

// The letters' keys, from the single index's own answer.
std::vector<std::string> keys_in(const json& search_answer) {
  std::vector<std::string> keys;
  for (const json& hit : search_answer["body"]["hits"]) keys.push_back(hit["key"].get<std::string>());
  return keys;
}

// Asks both the same questions, field by field; returns how many differ.
int compare_answers(searcher::SearchContext& one, searcher::SearchContext& sharded) {
  std::vector<Ask> asks = questions();
  const json first_page = answer(one, "/api/search", request_of({{"per_page", "25"}, {"sort", "date_asc"}}));
  for (const std::string& key : keys_in(first_page)) {
    asks.push_back({"/api/doc/" + key, {}});
    asks.push_back({"/api/similar/" + key, request_of({{"per_page", "10"}})});
  }
  int differing = 0;
  for (const Ask& ask : asks) {
    const json a = answer(one, ask.path, ask.request);
    const json b = answer(sharded, ask.path, ask.request);
    if (a == b) continue;
    if (ask.path == "/api/search" && ties_by_docid(ask.request) && same_but_order_of_hits(a, b) &&
        same_dates(ask.request, a, b) && all_keys(one, ask.request) == all_keys(sharded, ask.request))
      continue;
    ++differing;
    MESSAGE(ask.path << " " << json(ask.request.params).dump() << ": " << json::diff(a, b).dump().substr(0, 600));
  }
  return differing;
}

struct Corpus {
  testing::TempDir dir;
  std::vector<std::string> files = generated_letters(dir / "corpus");
};

}  // namespace

TEST_CASE("shards: 2 and 3 shards answer every route exactly as one database") {
  Corpus corpus;
  REQUIRE(corpus.files.size() == kLetters);
  index_in_two_runs(corpus.dir / "one", 0, corpus.files);
  auto one = searcher::SearchContext::open(corpus.dir / "one", schema::Vocabulary::builtin());
  CHECK(schema::stub_databases(corpus.dir / "one").empty());
  for (const std::size_t shards : {2, 3}) {
    CAPTURE(shards);
    const fs::path db = corpus.dir / ("shards-" + std::to_string(shards));
    index_in_two_runs(db, shards, corpus.files);
    REQUIRE(schema::stub_databases(db).size() == shards);
    auto sharded = searcher::SearchContext::open(db, schema::Vocabulary::builtin());
    REQUIRE(sharded->shards().size() == shards);
    // Every shard holds letters, so docids of the combined database interleave.
    // and each shard has a dictionary of its own, which the letters of the second run need.
    std::set<unsigned> dictionaries;
    for (const Xapian::Database& shard : sharded->shards()) {
      CHECK(shard.get_doccount() > 0);
      const auto dictionary = schema::LetterDictionary::newest(shard);
      REQUIRE(dictionary);
      dictionaries.insert(dictionary->id());
    }
    CHECK(dictionaries.size() == shards);
    CHECK(sharded->db().get_doccount() == kLetters);
    CHECK(compare_answers(*one, *sharded) == 0);
  }
}

TEST_CASE("shards: re-indexing replaces letters in place and a changed case number leaves no stale letter") {
  Corpus corpus;
  const fs::path db = corpus.dir / "index";
  CHECK(index_into(db, 3, corpus.files).added == kLetters);
  const indexer::IndexRunSummary again = index_into(db, 0, corpus.files);
  CHECK(again.unchanged == kLetters);
  CHECK(again.added + again.replaced == 0);

  // 30 files get a new case number (their letters move to the new key's
  // shard, mostly another one), 30 more a new line (replaced in place).
  std::vector<std::string> old_cases;
  int appended = 0;
  for (const std::string& file : corpus.files) {
    std::string text = slurp(file);
    const std::optional<std::string> old_case = case_number_in(text);
    if (old_case && old_cases.size() < 30 && text.find(*old_case + "\n") != std::string::npos) {
      old_cases.push_back(*old_case);
      replace_all(text, *old_case, "CM19-99" + std::to_string(10000 + old_cases.size()));
    } else if (appended < 30) {
      ++appended;
      text += "\n";
    } else {
      continue;
    }
    write_file(file, text);
  }
  REQUIRE(old_cases.size() == 30);
  const indexer::IndexRunSummary edited = index_into(db, 0, corpus.files);
  CHECK(edited.unchanged == kLetters - 60);
  CHECK(edited.added == 30);
  CHECK(edited.replaced == 30);
  const Xapian::Database combined(db.string());
  CHECK(combined.get_doccount() == kLetters);
  for (const std::string& old_case : old_cases) CHECK_FALSE(combined.term_exists(schema::key_term(old_case)));
}

TEST_CASE("shards: a different shard count on an existing index is refused with how to re-shard") {
  Corpus corpus;
  const std::vector<std::string> some(corpus.files.begin(), corpus.files.begin() + 5);
  index_into(corpus.dir / "three", 3, some);
  index_into(corpus.dir / "plain", 0, some);
  CHECK_THROWS_WITH_AS(indexer::ShardedIndex(corpus.dir / "three", 2), doctest::Contains("re-sharding is explicit"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(indexer::ShardedIndex(corpus.dir / "plain", 2), doctest::Contains("has 1 shard(s), not 2"),
                       std::runtime_error);
  CHECK(indexer::ShardedIndex(corpus.dir / "three").size() == 3);
  CHECK(indexer::ShardedIndex(corpus.dir / "three", 3).size() == 3);
  CHECK(indexer::ShardedIndex(corpus.dir / "plain").size() == 1);
}

// What a crash between two shards' commits can leave: the letter of a file
// whose case number changed already in its new shard, its old letter not yet
// dropped from the old one. The file must not count as unchanged, or the
// stale letter would stay for good; indexing it again drops it.
TEST_CASE("shards: a source with letters in two shards is indexed again until one is left") {
  testing::TempDir dir;
  indexer::ShardedIndex index(dir / "index", 2);
  const indexer::DocumentBuilder builder;
  const auto built = [&](std::size_t i, const std::string& hash) {
    schema::Record record = test::make_record(i);
    record.source = "a.txt";
    return builder.build(record, test::text_of(record, i), hash);
  };
  const indexer::BuiltDocument old_letter = built(0, "old bytes");
  std::size_t i = 1;
  while (index.shard_of(built(i, "new bytes").key_term) == index.shard_of(old_letter.key_term)) ++i;
  const indexer::BuiltDocument new_letter = built(i, "new bytes");
  const std::size_t old_shard = index.shard_of(old_letter.key_term), new_shard = index.shard_of(new_letter.key_term);
  index.shard(old_shard).write(old_letter, "a.txt");
  index.shard(new_shard).write(new_letter, "a.txt");
  index.commit();
  CHECK(index.document_count() == 2);
  CHECK_FALSE(index.unchanged("a.txt", "new bytes"));
  CHECK_FALSE(index.unchanged("a.txt", "old bytes"));

  index.shard(old_shard).drop_stale("a.txt", new_letter.key_term);
  index.commit();
  CHECK(index.document_count() == 1);
  CHECK(index.unchanged("a.txt", "new bytes"));
}

// The combined database has no revision: the columns and the counting twin
// follow the shards' revisions, so the columns are built once per change.
TEST_CASE("shards: facet columns are built once per change and the counting twin follows the shards") {
  Corpus corpus;
  const fs::path db = corpus.dir / "index";
  index_into(db, 2, {corpus.files.begin(), corpus.files.begin() + 100});
  auto ctx = searcher::SearchContext::open(db, schema::Vocabulary::builtin());
  const auto columns = ctx->facet_columns();
  CHECK(ctx->facet_columns() == columns);
  const Xapian::Database* twin = ctx->counting_twin();
  REQUIRE(twin != nullptr);
  CHECK(twin->get_doccount() == 100);

  index_into(db, 0, {corpus.files.begin(), corpus.files.begin() + 120});
  CHECK(ctx->facet_columns() == columns);  // not reopened yet: still the revision it reads
  ctx->refresh();
  const auto newer = ctx->facet_columns();
  CHECK(newer != columns);
  CHECK(ctx->facet_columns() == newer);
  twin = ctx->counting_twin();
  REQUIRE(twin != nullptr);
  CHECK(twin->get_doccount() == 120);
}

// A replica's folder (xapian-replicate's stub naming replica_0) or a stub
// made by hand is written through as before, or refused, never rewritten.
TEST_CASE("shards: stubs imr-index did not make are never rewritten") {
  testing::TempDir dir;
  const fs::path replica = dir / "replica", other = dir / "other";
  fs::create_directories(replica);
  fs::create_directories(other);
  Xapian::WritableDatabase((replica / "replica_0").string(), Xapian::DB_CREATE_OR_OPEN).commit();
  std::ofstream(replica / "XAPIANDB") << "auto replica_0\n";
  CHECK(indexer::ShardedIndex(replica).size() == 1);
  CHECK(schema::stub_databases(replica) == std::vector<fs::path>{replica / "replica_0"});
  CHECK_FALSE(fs::exists(replica / "shard-0"));

  for (const char* name : {"a", "b"})
    Xapian::WritableDatabase((other / name).string(), Xapian::DB_CREATE_OR_OPEN).commit();
  std::ofstream(other / "XAPIANDB") << "auto a\nauto b\n";
  CHECK_THROWS_WITH_AS(indexer::ShardedIndex(other, 0), doctest::Contains("not a shard imr-index made"),
                       std::runtime_error);
  CHECK_FALSE(fs::exists(other / "shard-0"));
}

// Copies the shards of the index at from into a replica's layout: to/shard-N/NAME
// with to/shard-N/XAPIANDB naming it (as xapian-replicate keeps it), and the
// index's own stub at to/XAPIANDB.
void copy_as_replica(const fs::path& from, const fs::path& to, const std::string& name) {
  for (const fs::path& shard : schema::stub_databases(from)) {
    const fs::path folder = to / shard.filename();
    fs::create_directories(folder);
    fs::copy(shard, folder / name, fs::copy_options::recursive);
  }
  fs::copy_file(from / "XAPIANDB", to / "XAPIANDB", fs::copy_options::overwrite_existing);
}

void point_stub(const fs::path& folder, const std::string& name) {
  std::ofstream(folder / "XAPIANDB.tmp") << "auto " << name << "\n";
  fs::rename(folder / "XAPIANDB.tmp", folder / "XAPIANDB");
}

// Each shard's follower repoints its stub and deletes the old folder in its own
// time; a request that meets either change (Xapian then throws a DatabaseError
// of some kind) is answered from the index as it is on disk now, and a request
// that keeps failing is answered 503 with the reason, after a bounded number of tries.
TEST_CASE("shards: a request that meets a replica's folder switch is answered from the new folders") {
  Corpus corpus;
  const fs::path master = corpus.dir / "index", replica = corpus.dir / "replica";
  index_into(master, 2, {corpus.files.begin(), corpus.files.begin() + 100});
  copy_as_replica(master, replica, "replica_0");
  for (const char* shard : {"shard-0", "shard-1"}) point_stub(replica / shard, "replica_0");
  auto ctx = searcher::SearchContext::open(replica, schema::Vocabulary::builtin());
  const searcher::Request everything = request_of({{"q", ""}, {"per_page", "0"}});
  CHECK(answer(*ctx, "/api/search", everything)["body"]["total"] == 100);

  index_into(master, 0, {corpus.files.begin(), corpus.files.begin() + 120});
  copy_as_replica(master, replica, "replica_1");
  int calls = 0;
  const searcher::Response res = searcher::respond(*ctx, [&] {
    if (++calls <= 2) {
      const fs::path shard = replica / ("shard-" + std::to_string(calls - 1));
      point_stub(shard, "replica_1");
      fs::remove_all(shard / "replica_0");
      throw Xapian::DatabaseCorruptError("a table file of replica_0 went");
    }
    return searcher::route(*ctx, "/api/search", everything);
  });
  CHECK(calls == 3);
  CHECK(res.status == 200);
  CHECK(res.body["total"] == 120);
  CHECK(ctx->counting_twin()->get_doccount() == 120);

  calls = 0;
  const searcher::Response failed = searcher::respond(*ctx, [&]() -> searcher::Response {
    ++calls;
    throw Xapian::DatabaseModifiedError("the revision moved on");
  });
  CHECK(calls > 1);
  CHECK(calls < 10);
  CHECK(failed.status == 503);
  CHECK(failed.body["error"].get<std::string>().find("the revision moved on") != std::string::npos);
}
