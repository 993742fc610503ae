// Translates a BenchQuery into the API's request parameters (contract section 3).
#include "imrsearch/imrsearch_engine.h"

#include <chrono>
#include <stdexcept>

#include "imr/api/handlers.h"
#include "imr/schema/vocabulary.h"

namespace imr::bench {
namespace {

using searcher::Request;
using searcher::Response;

Request request_of(const BenchQuery& q) {
  Request r;
  std::string text = q.text;
  if (q.decided) text += (text.empty() ? "" : " ") + ("decided:" + q.decided->from + ".." + q.decided->to);
  r.params.emplace("q", text);
  for (const auto& [field, value] : q.filters) r.params.emplace("filter", field + ":" + value);
  r.params.emplace("page", std::to_string(q.page));
  r.params.emplace("per_page", std::to_string(q.per_page));
  r.params.emplace("sort", q.sort);
  if (!q.by.empty()) r.params.emplace("by", q.by);
  return r;
}

QueryOutcome search_outcome(const nlohmann::json& body) {
  QueryOutcome out;
  out.total = body.at("total").get<std::uint64_t>();
  out.hits = static_cast<unsigned>(body.at("hits").size());
  if (out.hits > 0) out.first_snippet = body["hits"][0].value("snippet", "");
  out.facets = nlohmann::json::object();
  for (const auto& [field, counts] : body.at("facets").items())
    for (const auto& c : counts) out.facets[field][c.at("value").get<std::string>()] = c.at("count");
  return out;
}

QueryOutcome stats_outcome(const nlohmann::json& body) {
  QueryOutcome out;
  const std::string by = body.at("by");
  out.facets = nlohmann::json::object();
  for (const auto& row : body.at("rows")) {
    out.facets[by][row.at("value").get<std::string>()] = row.at("items");
    out.total += row.at("items").get<std::uint64_t>();
  }
  return out;
}

class ImrsearchEngine final : public Engine {
 public:
  void build(const std::filesystem::path&, const std::filesystem::path&) override {
    throw std::runtime_error("imrsearch indexes with build/imr-index --db DIR CORPUS, which bench/run times");
  }

  void open(const std::filesystem::path& db) override {
    ctx_ = searcher::SearchContext::open(db, schema::Vocabulary::builtin());
    // The server's 2 s budget protects it from runaway queries; a benchmark
    // measures how long they take, even the first one on a cold page cache.
    ctx_->set_time_budget(std::chrono::minutes(10));
  }

  // The revision's match cache would answer a repeated phrase's count from memory.
  void keep_nothing() override { ctx_->set_facet_columns_cache(std::make_shared<searcher::FacetColumnsCache>(0)); }

  QueryOutcome run(const BenchQuery& q) override {
    const Request request = request_of(q);
    const bool stats = q.kind == QueryKind::stats;
    const Response response = searcher::respond(
        *ctx_, [&] { return stats ? searcher::stats(*ctx_, request) : searcher::search(*ctx_, request); });
    if (response.status != 200)
      throw std::runtime_error("query " + q.name + " answered " + std::to_string(response.status) + ": " +
                               response.body.dump());
    return stats ? stats_outcome(response.body) : search_outcome(response.body);
  }

 private:
  std::unique_ptr<searcher::SearchContext> ctx_;
};

}  // namespace

std::unique_ptr<Engine> make_imrsearch_engine() { return std::make_unique<ImrsearchEngine>(); }

}  // namespace imr::bench
