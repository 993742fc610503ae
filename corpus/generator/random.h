// The generator's random source: xoshiro256** with its own distributions, so
// a seed gives the same letters with any compiler and standard library
// (std::uniform_int_distribution and friends differ between them).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace imr::generator {

class Random {
 public:
  // One independent stream per (seed, stream) pair: each letter draws from
  // its own, so the output does not depend on how letters are shared among threads.
  Random(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t next();
  std::size_t below(std::size_t n);  // 0..n-1; n > 0
  int between(int low, int high);    // low..high inclusive
  double unit();                     // [0, 1)
  bool chance(double p);
  // An index drawn with the given relative weights.
  std::size_t weighted(std::span<const double> weights);
  std::size_t weighted(std::initializer_list<double> weights);

  template <typename T>
  const T& pick(const std::vector<T>& values) {
    return values[below(values.size())];
  }

 private:
  std::uint64_t s_[4];
};

}  // namespace imr::generator
