// Random: xoshiro256** seeded through splitmix64.
#include "random.h"

#include <numeric>
#include <stdexcept>

namespace imr::generator {
namespace {

__extension__ using Wide = unsigned __int128;

std::uint64_t splitmix(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Random::Random(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t x = seed;
  std::uint64_t mixed = splitmix(x) ^ (stream * 0xd1342543de82ef95ULL);
  for (auto& s : s_) s = splitmix(mixed);
}

std::uint64_t Random::next() {
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

std::size_t Random::below(std::size_t n) {
  if (n == 0) throw std::invalid_argument("Random::below(0): nothing to choose from");
  // Multiply-shift: unbiased enough for sampling letters, and portable.
  return static_cast<std::size_t>((static_cast<Wide>(next()) * n) >> 64);
}

int Random::between(int low, int high) {
  return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1)));
}

double Random::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

bool Random::chance(double p) { return unit() < p; }

std::size_t Random::weighted(std::span<const double> weights) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double x = unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return weights.size() - 1;
}

std::size_t Random::weighted(std::initializer_list<double> weights) {
  return weighted(std::span<const double>(weights.begin(), weights.size()));
}

}  // namespace imr::generator
