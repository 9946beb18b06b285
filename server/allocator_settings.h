// The allocator's settings for the hoering-server process (jemalloc, which
// only the server and the load generator link; CMakeLists.txt).
//
// A start restores the views snapshot: it builds and frees many small values
// in a fraction of a second, and on a VM every first touch of a 4 KiB page is
// a costly fault. So the process asks jemalloc to keep the pages it frees
// while the server starts (`dirty_decay_ms:-1`), and reuses them.
// Until 2026-12-03 it also asked for transparent huge pages (`thp:always`),
// which sped up restoring a snapshot decoded as whole JSON documents. Since
// the snapshot is restored entry by entry they no longer do: without them the
// start takes as long (1M: 0.24-0.31 s against 0.27-0.29 s; 10M: 1.7-2.1 s
// against 1.9-2.3 s) and the server holds less (1M: 57 MB when ready instead
// of 88 MB, a 40 s mixed load's peak 270 MB instead of 305 MB; 10M: peak
// 439-494 MB instead of 490-527 MB; docs/performance.md, session 18).
//
// Arenas follow CPUs (`percpu_arena:percpu`: a thread allocates from the
// arena of the CPU it runs on) instead of jemalloc's default of four arenas
// per CPU, each holding the pages its threads freed: under the 1M mixed load
// the peak fell from 314-318 MB to 274-300 MB with as many reads
// (docs/performance.md, session 21).
//
// EndStartAllocation() then sets the decay back to jemalloc's default (10 s
// for dirty and for muzzy pages), which also returns the pages the start
// freed, so a serving server gives memory back to the system as before.
// MALLOC_CONF in the environment wins: a decay it sets (any "*decay_ms"
// option) is left as it is after the start too.
#pragma once

namespace hoering::server {

// Call once, when the read views are ready. Logs a warning if jemalloc
// refuses the setting (the server runs on either way).
void EndStartAllocation();

}  // namespace hoering::server
