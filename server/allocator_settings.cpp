#include "server/allocator_settings.h"

#include <jemalloc/jemalloc.h>
#include <spdlog/spdlog.h>
#include <sys/types.h>

#include <cstddef>
#include <cstdlib>
#include <string>
#include <string_view>

// Read by jemalloc when the process starts (before MALLOC_CONF, which wins).
extern "C" {
const char* malloc_conf = "dirty_decay_ms:-1,muzzy_decay_ms:-1,percpu_arena:percpu";
}

namespace hoering::server {
namespace {

constexpr ssize_t kDefaultDecayMs = 10000;

void SetDecay(const std::string& name, ssize_t ms) {
  if (int error = mallctl(name.c_str(), nullptr, nullptr, &ms, sizeof(ms)); error != 0) {
    spdlog::warn("jemalloc refused {} = {} (error {})", name, ms, error);
  }
}

}  // namespace

void EndStartAllocation() {
  const char* conf = std::getenv("MALLOC_CONF");
  if (conf != nullptr && std::string_view(conf).find("decay_ms") != std::string_view::npos) {
    return;  // the operator chose the decay: leave it (and the start's pages) to them
  }
  for (const char* kind : {"dirty_decay_ms", "muzzy_decay_ms"}) {
    SetDecay(std::string("arenas.") + kind, kDefaultDecayMs);  // arenas made from now on
  }
  // And the arenas that exist (MALLCTL_ARENAS_ALL is not accepted here).
  unsigned arenas = 0;
  std::size_t size = sizeof(arenas);
  if (mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
  for (unsigned i = 0; i < arenas; ++i) {
    const std::string arena = "arena." + std::to_string(i) + ".";
    bool initialized = false;
    std::size_t bool_size = sizeof(initialized);
    if (mallctl((arena + "initialized").c_str(), &initialized, &bool_size, nullptr, 0) != 0 ||
        !initialized) {
      continue;
    }
    for (const char* kind : {"dirty_decay_ms", "muzzy_decay_ms"}) {
      SetDecay(arena + kind, kDefaultDecayMs);
    }
  }
  // Decay runs only as the allocator is used: return the start's pages now.
  const std::string purge = "arena." + std::to_string(MALLCTL_ARENAS_ALL) + ".purge";
  if (int error = mallctl(purge.c_str(), nullptr, nullptr, nullptr, 0); error != 0) {
    spdlog::warn("jemalloc refused {} (error {})", purge, error);
  }
}

}  // namespace hoering::server
