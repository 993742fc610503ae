// Timing one operation many times: warm-up runs first (caches, lazy
// initialisation), then measured runs summarised as percentiles.
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

LatencySummary measure(const std::function<void()>& operation, unsigned warmup, unsigned runs);

nlohmann::json to_json(const LatencySummary& s);

}  // namespace imr::bench
