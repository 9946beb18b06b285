// The change log: which change sets lie between two points of an agreement's
// history, and JSON views of change sets. Pure functions over a folded state.
//
// A selector (time_travel.h) cuts the list of change sets:
//   current -> all; version n / label -> those recorded before it;
//   position:p -> those at positions <= p; time:t -> those recorded <= t.
// ChangeSetsBetween(from, to) returns the change sets after the `from` cut up
// to and including the `to` cut, oldest first. When `to` lies before `from`
// the same range is returned with reversed = true (reading it backwards undoes
// the way from `from` to `to`).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"
#include "domain/status.h"

namespace hoering::agreements {

struct ChangeLog {
  std::vector<const ChangeSetInfo*> items;  // point into the state; oldest first
  bool reversed = false;
};

// Errors: an unknown version or label -> 404 "version-not-found".
Result<ChangeLog> ChangeSetsBetween(const AgreementState& state, const AtSelector& from,
                                    const AtSelector& to);
// Number of change sets recorded up to the selector's cut.
Result<std::size_t> ChangeCountAt(const AgreementState& state, const AtSelector& at);

// Change sets citing a response (and, if point is non-empty, that point).
std::vector<const ChangeSetInfo*> ChangeSetsCiting(const AgreementState& state,
                                                   std::string_view response,
                                                   std::string_view point = {});

// {"change", "rationale", "cites": [{response, point}], "ops": [...], "source",
//  "actor": {"token_id", "role", "party"}, "time": RFC 3339 ms, "position",
//  "stream_version"}
nlohmann::json ChangeSetToJson(const ChangeSetInfo& c);
// {"from": from_ref, "to": to_ref, "reversed", "items": [ChangeSetToJson...]}
nlohmann::json ChangeLogToJson(const ChangeLog& log, const nlohmann::json& from_ref,
                               const nlohmann::json& to_ref);

}  // namespace hoering::agreements
