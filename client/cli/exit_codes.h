// Exit codes of the `hoering` CLI (a contract for scripts).
#pragma once

#include "client/lib/problem.h"

namespace hoering::client {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;     // bad arguments; nothing was sent
inline constexpr int kExitRejected = 2;  // the server answered 4xx
inline constexpr int kExitFailed = 3;    // 5xx, no answer, or an unreadable answer
inline constexpr int kExitBroken = 4;    // verify: the chain is broken; rebuild: read views differ

// 4xx -> kExitRejected; a malformed --url -> kExitUsage; everything else
// (5xx, transport) -> kExitFailed.
inline int ExitCodeFor(const ApiError& e) {
  if (e.type == "urn:hoering:client:bad-url") return kExitUsage;
  return e.client_error() ? kExitRejected : kExitFailed;
}

}  // namespace hoering::client
