// The random history's random numbers: splitmix64, small, fast and the same
// on every platform (unlike the distributions of <random>), so a seed gives
// the same history everywhere. Every draw the generator makes comes from one
// Rng, in a fixed order: reordering draws changes the history.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace hoering::testdata::history {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed ^ 0x6a09e667f3bcc909ull) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); 0 when n is 0.
  std::uint64_t Below(std::uint64_t n) { return n == 0 ? 0 : Next() % n; }
  // Uniform in [lo, hi], both inclusive.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  // An element of a non-empty array or vector.
  template <typename C>
  const auto& Pick(const C& c) {
    return c[Below(std::size(c))];
  }
  // `digits` lowercase hex digits.
  std::string Hex(std::size_t digits) {
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    while (out.size() < digits) {
      std::uint64_t v = Next();
      for (int i = 0; i < 16 && out.size() < digits; ++i, v >>= 4) out.push_back(kDigits[v & 15]);
    }
    return out;
  }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  std::uint64_t s_;
};

}  // namespace hoering::testdata::history
