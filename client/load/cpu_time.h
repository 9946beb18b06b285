// The CPU time this process has used so far (every thread, user + system),
// from getrusage(RUSAGE_SELF). hoering-load reads it at the start and at the
// end of the measured phase to report its own cost per request.
// Thread-safe (a system call; no state).
#pragma once

#include <cstdint>

namespace hoering::client::load {

// User + system CPU seconds of the whole process since it started.
double ProcessCpuSeconds();

// Microseconds of CPU per request: `cpu_seconds` * 1e6 / `requests`; 0 when
// there were no requests.
double CpuMicrosPerRequest(double cpu_seconds, std::uint64_t requests);

}  // namespace hoering::client::load
