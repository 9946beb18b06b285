// The real clock, for the layers that may read one (storage, server).
#pragma once

#include <chrono>
#include <cstdint>

namespace hoering {

inline std::int64_t SystemClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace hoering
