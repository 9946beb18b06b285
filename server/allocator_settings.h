// The allocator's settings for the hoering-server process (jemalloc, which
// only the server and the load generator link; CMakeLists.txt).
//
// A start restores the views snapshot: it builds and frees some 100 MB of
// small JSON values in a fraction of a second, and on a VM every first touch
// of a 4 KiB page is a costly fault. So the process asks jemalloc for
// transparent huge pages (`thp:always`: 2 MiB pages wherever the kernel's
// /sys/kernel/mm/transparent_hugepage/enabled is `madvise` or `always`) and
// to keep the pages it frees while the server starts (`dirty_decay_ms:-1`).
// Restoring the 1M-event store's 10 MB snapshot took 0.61 s with jemalloc's
// defaults and 0.21-0.25 s with these (docs/performance.md, session 15).
//
// EndStartAllocation() then sets the decay back to jemalloc's default (10 s
// for dirty and for muzzy pages), which also returns the pages the start
// freed, so a serving server gives memory back to the system as before.
// MALLOC_CONF in the environment still overrides any of these.
#pragma once

namespace hoering::server {

// Call once, when the read views are ready. Logs a warning if jemalloc
// refuses the setting (the server runs on either way).
void EndStartAllocation();

}  // namespace hoering::server
