// Timing one operation many times: warm-up runs first (caches, lazy
// initialisation), then measured runs summarised as percentiles. A time
// budget bounds slow operations on large corpora to fewer runs.
#pragma once

#include <functional>
#include <vector>

#include <nlohmann/json.hpp>

namespace imr::bench {

struct LatencySummary {
  double p50 = 0, p95 = 0, p99 = 0, mean = 0, max = 0;  // milliseconds
  unsigned runs = 0;
};

// Nearest-rank percentile (p in 0..100) of samples; 0 for no samples.
double percentile(std::vector<double> samples, double p);

LatencySummary summarize(const std::vector<double>& samples_ms);

struct RunLimits {
  unsigned warmup = 20;
  unsigned runs = 200;
  double budget_s = 30;   // stop measuring once this much time is spent...
  unsigned min_runs = 5;  // ...but never before this many measured runs
};

LatencySummary measure(const std::function<void()>& operation, const RunLimits& limits);

nlohmann::json to_json(const LatencySummary& s);

}  // namespace imr::bench
