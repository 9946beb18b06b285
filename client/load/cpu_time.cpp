#include "client/load/cpu_time.h"

#include <sys/resource.h>

namespace hoering::client::load {
namespace {

double Seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

}  // namespace

double ProcessCpuSeconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
}

double CpuMicrosPerRequest(double cpu_seconds, std::uint64_t requests) {
  if (requests == 0) return 0;
  return cpu_seconds * 1e6 / static_cast<double>(requests);
}

}  // namespace hoering::client::load
