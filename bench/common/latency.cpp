// Percentiles by nearest rank, so every figure is a latency that really occurred.
#include "common/latency.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace imr::bench {

double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) return 0;
  std::ranges::sort(samples);
  const double rank = std::ceil(p / 100.0 * static_cast<double>(samples.size()));
  const auto index = static_cast<std::size_t>(std::max(rank, 1.0)) - 1;
  return samples[std::min(index, samples.size() - 1)];
}

LatencySummary summarize(const std::vector<double>& samples_ms) {
  LatencySummary s;
  s.runs = static_cast<unsigned>(samples_ms.size());
  if (samples_ms.empty()) return s;
  s.p50 = percentile(samples_ms, 50);
  s.p95 = percentile(samples_ms, 95);
  s.p99 = percentile(samples_ms, 99);
  s.mean = std::accumulate(samples_ms.begin(), samples_ms.end(), 0.0) / static_cast<double>(samples_ms.size());
  s.max = *std::ranges::max_element(samples_ms);
  return s;
}

LatencySummary measure(const std::function<void()>& operation, const RunLimits& limits) {
  using Clock = std::chrono::steady_clock;
  const auto deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limits.budget_s));
  for (unsigned i = 0; i < limits.warmup && Clock::now() < deadline; ++i) operation();
  std::vector<double> samples;
  samples.reserve(limits.runs);
  while (samples.size() < limits.runs && (samples.size() < limits.min_runs || Clock::now() < deadline)) {
    const auto start = Clock::now();
    operation();
    const std::chrono::duration<double, std::milli> took = Clock::now() - start;
    samples.push_back(took.count());
  }
  return summarize(samples);
}

nlohmann::json to_json(const LatencySummary& s) {
  return {{"p50", s.p50}, {"p95", s.p95}, {"p99", s.p99}, {"mean", s.mean}, {"max", s.max}, {"runs", s.runs}};
}

}  // namespace imr::bench
