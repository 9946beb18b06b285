// The random history generator's local model (generator.h): what it has
// written, folded with the domain's own state types on locally recorded events
// with virtual times. Plain data; the generator changes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_state.h"
#include "domain/decisions/decision_decide.h"
#include "domain/status.h"
#include "domain/time.h"
#include "tests/support/random_history/cast.h"

namespace hoering::testdata::history {

namespace ag = agreements;
namespace cs = consultations;
namespace dc = decisions;

// Virtual time: the history starts 2024-01-01T08:00:00Z.
inline constexpr TimeMs kStartMs = 1704096000000;
inline constexpr TimeMs kMinute = 60'000;
inline constexpr TimeMs kHour = 60 * kMinute;
inline constexpr TimeMs kDay = 24 * kHour;

// The date (YYYY-MM-DD, UTC) of virtual time `t`.
inline std::string Date(TimeMs t) {
  return FormatDate(t / kDay);
}

// One response as the generator wrote it, folded locally.
struct ResponseSim {
  std::string id;
  Actor actor;
  cs::Submitter who;
  cs::ResponseState state;
};

// An agreement's round: drafting, a published draft, a consultation, late
// responses, dispositions and change sets, a final version, decisions.
enum class Phase {
  kCreate,
  kDraft,
  kPublishDraft,
  kOpen,
  kConsult,
  kLate,
  kProcess,
  kPublishFinal,
  kDecide
};

// One agreement of the history and where it stands: its folded state, the
// phase of the current round and the round's consultation, responses and
// dispositions. Every agreement has its own virtual clock (`now`).
struct AgreementSim {
  std::size_t index = 0;
  const AgreementSpec* spec = nullptr;
  std::vector<std::string> parties;
  ag::AgreementState state{ag::FoldOptions{false, false}};
  TimeMs now = 0;
  Phase phase = Phase::kCreate;
  int round = 1;
  int todo = 0;  // draft change sets / decisions left
  bool obligation_todo = false;
  // The round's consultation.
  std::string consultation;
  cs::ConsultationState cons;
  std::shared_ptr<const ag::SectionTree> consulted;
  std::vector<std::string> consulted_ids;
  std::vector<std::string> invited;
  std::size_t target = 0;
  TimeMs step = 0;
  std::vector<std::unique_ptr<ResponseSim>> responses;
  std::vector<std::pair<std::size_t, std::uint32_t>> pending;  // (response, point) to dispose
  std::vector<std::pair<std::size_t, std::uint32_t>> disposed;
  std::size_t pending_total = 0;
  int late_todo = 0;
  int changes_planned = 0;
  int changes_done = 0;
  std::vector<std::string> round_changes;
  std::vector<std::string> bodies;  // parties deciding in this round
  std::set<std::string> obligations_done;
};

// A decision with conditions not yet all fulfilled.
struct DecisionSim {
  dc::DecisionInfo info;
  std::vector<std::uint32_t> open;  // unfulfilled conditions
};

// The generator decided a command the domain refused, or could not fold what
// it wrote: a bug in the generator (kInternal, type "generator-bug").
inline Status Bug(const std::string& what, const Status& s) {
  return Status(Code::kInternal, "random history: " + what + ": " + s.detail(), "generator-bug");
}

}  // namespace hoering::testdata::history
