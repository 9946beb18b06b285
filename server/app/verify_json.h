// The JSON answer of a chain verification (GET /v1/verify, --verify DIR):
// {ok, checked, head: {position, hash}, first_bad?, problem?}.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/sha256.h"
#include "storage/event_store.h"

namespace hoering::app {

inline nlohmann::json VerifyReportJson(const VerifyReport& r) {
  nlohmann::json j = {{"ok", r.ok},
                      {"checked", r.checked},
                      {"head", {{"position", r.head.position}, {"hash", ToHex(r.head.hash)}}}};
  if (r.first_bad) {
    j["first_bad"] = *r.first_bad;
    j["problem"] = r.problem;
  }
  return j;
}

}  // namespace hoering::app
