// Ratification of one version and the follow-up duties of an agreement.
// Pure: "today" (a local date) is passed in.
//
// RATIFICATION of version v: per party, the outcome of its latest decision
// with final_for_party on that same version counts: approved or
// approved_with_conditions -> "approved", rejected -> "rejected", anything
// else or none -> "pending"; every decision of the party on v is listed as a
// step. Required are the agreement's parties of kind region or municipality
// (seed 002: the regional council and every municipal council); the version
// is concluded when there is at least one and all of them approved. A later
// version has its own ratification; nothing recorded is reset.
// Open conditions: unfulfilled conditions of decisions on v, overdue when due < today.
//
// OBLIGATIONS from the term (entry_into_force, years), seed 002:
//   entry-into-force  milestone at entry into force
//   review-<YYYY>     duty: yearly review of the need for revision, each anniversary before expiry
//   midway-status     duty: due 2 years in (half the term if shorter)
//   final-status      duty: due 6 months before expiry
//   expiry            milestone after `years`
// Milestones are "upcoming" or "reached"; duties "due", "done" (an
// ObligationFulfilled event) or "overdue" (due date passed, not done).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/decisions/decisions_view.h"

namespace hoering::decisions {

nlohmann::json Ratification(
    const agreements::AgreementState& agreement, const agreements::VersionInfo& version,
    const std::vector<std::shared_ptr<const DecisionInfo>>& decisions,
    const std::function<std::optional<std::string>(const std::string&)>& kind_of,
    std::int64_t today_days);

struct Obligation {
  std::string key;
  std::string kind;  // "milestone" | "duty"
  std::string title;
  std::int64_t due_days = 0;
};
// Empty when the term has no entry_into_force.
std::vector<Obligation> ObligationsOf(const agreements::Term& term);

// {agreement, entry_into_force, expires, items: [{key, kind, title, due, status, evidence?,
// done_at?}]}
nlohmann::json ObligationsJson(const agreements::AgreementState& agreement,
                               const std::map<std::string, Fulfilment>& done,
                               std::int64_t today_days);

// A date plus whole months, the day clamped to the month's length.
std::int64_t AddMonths(std::int64_t days, int months);

}  // namespace hoering::decisions
