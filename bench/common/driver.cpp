// Runs the query mix in rounds so one noisy moment cannot decide a figure.
#include "common/driver.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <CLI/CLI.hpp>

#include "common/latency.h"
#include "common/query_mix.h"

namespace imr::bench {
namespace {

struct QueryOptions {
  std::string db, mix, out;
  RunLimits limits;
  unsigned rounds = 3;
};

double median(std::vector<double> values) { return percentile(std::move(values), 50); }

// Each percentile is the median of that percentile over the rounds.
LatencySummary median_of(const std::vector<LatencySummary>& rounds) {
  const auto pick = [&](double LatencySummary::*field) {
    std::vector<double> values;
    for (const LatencySummary& r : rounds) values.push_back(r.*field);
    return median(values);
  };
  LatencySummary s;
  s.p50 = pick(&LatencySummary::p50);
  s.p95 = pick(&LatencySummary::p95);
  s.p99 = pick(&LatencySummary::p99);
  s.mean = pick(&LatencySummary::mean);
  s.max = pick(&LatencySummary::max);
  s.runs = rounds.empty() ? 0 : std::ranges::min_element(rounds, {}, &LatencySummary::runs)->runs;
  return s;
}

nlohmann::json answer_json(const BenchQuery& query, const QueryOutcome& outcome) {
  return {{"name", query.name},       {"kind", query.kind == QueryKind::stats ? "stats" : "search"},
          {"total", outcome.total},   {"hits", outcome.hits},
          {"facets", outcome.facets}, {"first_snippet", outcome.first_snippet}};
}

nlohmann::json run_mix(Engine& engine, const QueryOptions& o) {
  const std::vector<BenchQuery> mix = load_query_mix(o.mix);
  std::vector<std::vector<LatencySummary>> rounds(mix.size());
  for (unsigned round = 0; round < o.rounds; ++round)
    for (std::size_t i = 0; i < mix.size(); ++i) rounds[i].push_back(measure([&] { engine.run(mix[i]); }, o.limits));
  nlohmann::json queries = nlohmann::json::array();
  for (std::size_t i = 0; i < mix.size(); ++i) {
    nlohmann::json q = answer_json(mix[i], engine.run(mix[i]));
    q["latency_ms"] = to_json(median_of(rounds[i]));
    for (const LatencySummary& r : rounds[i]) q["rounds"].push_back(to_json(r));
    queries.push_back(std::move(q));
  }
  return {{"warmup", o.limits.warmup},
          {"runs", o.limits.runs},
          {"budget_s", o.limits.budget_s},
          {"rounds", o.rounds},
          {"queries", queries}};
}

void write_json(const std::string& path, const nlohmann::json& j) {
  std::ofstream out(path);
  out << j.dump(2) << '\n';
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int run_driver(int argc, char** argv, std::string_view engine_name,
               const std::function<std::unique_ptr<Engine>()>& make_engine) {
  CLI::App app{"benchmark driver for " + std::string(engine_name)};
  app.require_subcommand(1);
  std::string corpus, build_db;
  CLI::App* build = app.add_subcommand("build", "build this engine's index from a benchmark corpus");
  build->add_option("--corpus", corpus, "corpus folder (truth.jsonl + letters/)")->required();
  build->add_option("--db", build_db, "index to create")->required();
  QueryOptions q;
  CLI::App* query = app.add_subcommand("query", "run the query mix and write latencies as JSON");
  query->add_option("--db", q.db, "index to search")->required();
  query->add_option("--mix", q.mix, "query mix (bench/queries.tsv)")->required();
  query->add_option("--out", q.out, "result JSON file")->required();
  query->add_option("--warmup", q.limits.warmup, "warm-up runs per query per round")->capture_default_str();
  query->add_option("--runs", q.limits.runs, "measured runs per query per round")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  query
      ->add_option("--budget", q.limits.budget_s,
                   "seconds per query per round, after which measuring stops (at least 5 runs)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  query->add_option("--rounds", q.rounds, "rounds over the whole mix")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  bool no_caches = false;
  query->add_flag("--no-caches", no_caches,
                  "the engine keeps nothing of one query for the next (imrsearch: no match cache), so a repeated "
                  "query does its whole work every run");
  std::string explain_db, explain_mix;
  CLI::App* explain = app.add_subcommand("explain", "print how the engine runs each query of the mix");
  explain->add_option("--db", explain_db, "index to search")->required();
  explain->add_option("--mix", explain_mix, "query mix (bench/queries.tsv)")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    auto engine = make_engine();
    if (*build) {
      engine->build(corpus, build_db);
      return 0;
    }
    if (*explain) {
      engine->open(explain_db);
      for (const BenchQuery& query : load_query_mix(explain_mix))
        std::printf("== %s\n%s", query.name.c_str(), engine->plan(query).c_str());
      return 0;
    }
    engine->open(q.db);
    if (no_caches) engine->keep_nothing();
    nlohmann::json result = run_mix(*engine, q);
    result["caches"] = !no_caches;
    result["engine"] = engine_name;
    write_json(q.out, result);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: error: %s\n", std::string(engine_name).c_str(), e.what());
    return 1;
  }
  return 0;
}

}  // namespace imr::bench
