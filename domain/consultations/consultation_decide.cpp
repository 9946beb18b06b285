#include "domain/consultations/consultation_decide.h"

#include <set>

#include "domain/consultations/json_fields.h"
#include "domain/decimal.h"
#include "domain/ids.h"

namespace hoering::consultations {

using nlohmann::json;

namespace {

Status NotFoundConsultation() {
  return NotFound("the consultation does not exist", "consultation-not-found");
}

Status Closed(const std::string& why) {
  return Status(Code::kConflict, why, "consultation-closed");
}

}  // namespace

Result<OpenConsultation> ParseOpenConsultation(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  OpenConsultation c;
  if (Status s = ReqString(body, "id", c.id); !s.ok()) return s;
  if (Status s = ValidateId(c.id, "consultation id"); !s.ok()) return s;
  if (Status s = ReqString(body, "agreement", c.agreement); !s.ok()) return s;
  auto v = body.find("version");
  if (v == body.end() || v->is_null()) return FieldError("'version' is required (number or label)");
  if (v->is_number_integer() && v->get<std::int64_t>() >= 0) {
    c.version = std::to_string(v->get<std::int64_t>());
  } else if (v->is_string()) {
    c.version = v->get<std::string>();
  } else {
    return FieldError("'version' must be a version number or label");
  }
  if (Status s = ReqString(body, "title", c.title); !s.ok()) return s;
  if (Status s = ValidateText(c.title, "title", kMaxTitleBytes); !s.ok()) return s;
  if (Status s = ReqTime(body, "opens_at", c.opens_at); !s.ok()) return s;
  if (Status s = ReqTime(body, "closes_at", c.closes_at); !s.ok()) return s;
  if (Status s = ReqStrings(body, "invited", c.invited); !s.ok()) return s;
  if (c.invited.size() > kMaxInvited) return FieldError("at most 1000 invited parties");
  std::set<std::string> seen;
  for (const auto& p : c.invited) {
    if (Status s = ValidateId(p, "invited party id"); !s.ok()) return s;
    if (!seen.insert(p).second) return FieldError("party '" + p + "' is invited twice");
  }
  std::optional<std::string> tz;
  if (Status s = OptString(body, "time_zone", tz); !s.ok()) return s;
  if (tz) {
    if (Status s = ValidateText(*tz, "time_zone", 64); !s.ok()) return s;
    c.time_zone = *tz;
  }
  return c;
}

const agreements::VersionInfo* FindPublished(const agreements::AgreementState& a,
                                             const std::string& selector) {
  if (auto number = ParseDecimal<std::uint32_t>(selector)) return a.FindVersion(*number);
  return a.FindVersionByLabel(selector);
}

Result<std::vector<NewEvent>> DecideOpen(
    const ConsultationState& state, const OpenConsultation& cmd,
    const agreements::AgreementState* agreement,
    const std::function<bool(const std::string&)>& party_exists,
    const std::function<bool(const std::string&)>& zone_exists) {
  if (state.exists()) {
    return AlreadyExists("consultation '" + cmd.id + "' already exists", "consultation-exists");
  }
  if (agreement == nullptr || !agreement->exists()) {
    return Unprocessable("agreement '" + cmd.agreement + "' does not exist", "unknown-agreement");
  }
  const agreements::VersionInfo* v = FindPublished(*agreement, cmd.version);
  if (v == nullptr) {
    return Unprocessable("agreement '" + cmd.agreement + "' has no published version '" +
                             cmd.version + "'; publish the text first",
                         "version-not-published");
  }
  if (cmd.closes_at <= cmd.opens_at) {
    return Unprocessable("closes_at must be after opens_at", "invalid-period");
  }
  if (zone_exists && !zone_exists(cmd.time_zone)) {
    return Unprocessable("time_zone '" + cmd.time_zone +
                             "' is not a time zone of the tz database (e.g. Europe/Copenhagen)",
                         "unknown-time-zone");
  }
  for (const auto& p : cmd.invited) {
    if (party_exists && !party_exists(p)) {
      return Unprocessable("invited party '" + p + "' is not registered", "unknown-party");
    }
  }
  ConsultationOpened e{cmd.id,      cmd.agreement, {v->number, v->label, v->hash},
                       cmd.title,   cmd.opens_at,  cmd.closes_at,
                       cmd.invited, cmd.time_zone};
  return std::vector<NewEvent>{ToEvent(e)};
}

Result<ExtendDeadline> ParseExtendDeadline(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  ExtendDeadline c;
  if (Status s = ReqTime(body, "closes_at", c.closes_at); !s.ok()) return s;
  if (Status s = ReqString(body, "reason", c.reason); !s.ok()) return s;
  if (Status s = ValidateText(c.reason, "reason", kMaxReasonBytes); !s.ok()) return s;
  return c;
}

Result<std::vector<NewEvent>> DecideExtend(const ConsultationState& state,
                                           const ExtendDeadline& cmd, TimeMs now) {
  if (!state.exists()) return NotFoundConsultation();
  if (state.PhaseAt(now) == Phase::kClosed) {
    return Closed("the consultation is closed; record late responses with accept_late instead");
  }
  if (cmd.closes_at <= state.closes_at()) {
    return Unprocessable("the new closes_at must be later than the current deadline " +
                             FormatRfc3339(state.closes_at()),
                         "invalid-deadline");
  }
  DeadlineExtended e{state.info().id, cmd.closes_at, state.closes_at(), cmd.reason};
  return std::vector<NewEvent>{ToEvent(e)};
}

Result<std::optional<std::string>> ParseCloseReason(const json& body) {
  if (body.is_null()) return std::optional<std::string>{};
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  std::optional<std::string> reason;
  if (Status s = OptString(body, "reason", reason); !s.ok()) return s;
  if (reason) {
    if (Status s = ValidateText(*reason, "reason", kMaxReasonBytes); !s.ok()) return s;
  }
  return reason;
}

Result<std::vector<NewEvent>> DecideClose(const ConsultationState& state,
                                          const std::optional<std::string>& reason) {
  if (!state.exists()) return NotFoundConsultation();
  if (state.closed_at()) return Closed("the consultation was already closed");
  ConsultationClosed e{state.info().id, reason};
  return std::vector<NewEvent>{ToEvent(e)};
}

}  // namespace hoering::consultations
