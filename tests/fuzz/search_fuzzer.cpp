// libFuzzer target: any bytes as a request to /api/search, /api/stats and
// /api/doc over an in-memory index of the seed letters (built once). Each
// line "name=value" sets a parameter (q, filter, page, per_page, sort, by,
// key); any other line is the query. A handler may refuse (4xx) but must
// never crash, hang, trip a sanitizer, or answer 5xx on a healthy index.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <xapian.h>

#include "imr/api/handlers.h"
#include "imr/pipeline/parallel_preparer.h"
#include "imr/reader/letter_reader.h"

namespace {

namespace fs = std::filesystem;

Xapian::Database seed_index() {
  const fs::path seeds = fs::path(__FILE__).parent_path().parent_path().parent_path() / "corpus" / "seeds";
  std::vector<imr::indexer::FileBytes> files;
  for (const auto& entry : fs::directory_iterator(seeds))
    if (imr::indexer::is_letter_file(entry.path()))
      files.push_back({entry.path().string(), imr::indexer::format_of(entry.path()),
                       imr::indexer::read_file_bytes(entry.path()), ""});
  const imr::indexer::ParallelPreparer preparer(imr::schema::Vocabulary::builtin(), 1, true);
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  for (const imr::indexer::PreparedLetter& p : preparer.prepare(std::move(files)))
    if (p.document) {
      db.replace_document(p.document->key_term, p.document->document);
      imr::schema::add_stem_words(db, p.document->stems);
    }
  if (db.get_doccount() == 0) {
    std::fprintf(stderr, "search_fuzzer: no seed letters in %s\n", seeds.c_str());
    std::abort();
  }
  return db;
}

imr::searcher::SearchContext& context() {
  static imr::searcher::SearchContext ctx(seed_index(), imr::schema::Vocabulary::builtin());
  return ctx;
}

imr::searcher::Request request_of(std::string_view bytes) {
  imr::searcher::Request request;
  for (std::size_t at = 0; at <= bytes.size();) {
    const std::size_t end = std::min(bytes.find('\n', at), bytes.size());
    const std::string_view line = bytes.substr(at, end - at);
    const std::size_t eq = line.find('=');
    const std::string_view name = eq == std::string_view::npos ? "q" : line.substr(0, eq);
    const bool known = name == "q" || name == "filter" || name == "page" || name == "per_page" || name == "sort" ||
                       name == "by" || name == "key";
    if (known && eq != std::string_view::npos)
      request.params.emplace(std::string(name), std::string(line.substr(eq + 1)));
    else
      request.params.emplace("q", std::string(line));
    at = end + 1;
  }
  return request;
}

void expect_answer(const imr::searcher::Response& response, const char* endpoint) {
  if (response.status < 500) return;
  std::fprintf(stderr, "%s answered %d: %s\n", endpoint, response.status, response.body.dump().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace imr::searcher;
  SearchContext& ctx = context();
  const Request request = request_of(std::string_view(reinterpret_cast<const char*>(data), size));
  expect_answer(respond(ctx, [&] { return search(ctx, request); }), "/api/search");
  expect_answer(respond(ctx, [&] { return stats(ctx, request); }), "/api/stats");
  const std::string key = request.param("key", "CM14-0039927");
  expect_answer(respond(ctx, [&] { return document(ctx, request, key); }), "/api/doc");
  return 0;
}
