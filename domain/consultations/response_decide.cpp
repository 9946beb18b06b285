#include "domain/consultations/response_decide.h"

#include <set>

#include "domain/consultations/json_fields.h"
#include "domain/field_problems.h"
#include "domain/ids.h"
#include "domain/text/quote_locate.h"

namespace hoering::consultations {

using nlohmann::json;

namespace {

// The stream and version an open-phase decision relied on (ResponseWrite).
StreamAt DecidedOn(const ConsultationState& c) {
  return {ConsultationStream(c.info().id), c.version()};
}

Status NoConsultation() {
  return NotFound("the consultation does not exist", "consultation-not-found");
}
Status NoResponse() {
  return NotFound("the response does not exist", "response-not-found");
}
Status Forbidden(const std::string& why) {
  return Status(Code::kPermissionDenied, why, "forbidden");
}
Status Closed(const ConsultationState& c) {
  return Status(Code::kConflict,
                "the consultation closed at " + FormatRfc3339(c.EffectiveClose()) +
                    "; responses are no longer accepted",
                "consultation-closed");
}
Status NotOpen(const ConsultationState& c) {
  return Status(Code::kConflict, "the consultation opens at " + FormatRfc3339(c.info().opens_at),
                "consultation-not-open");
}

void ParseAuthor(const json& body, Author& out, FieldProblems& problems) {
  auto it = body.find("author");
  if (it == body.end() || !it->is_object()) {
    problems.Add(FieldError("'author' is required: {name, email?}"), "/author/name", "required");
    return;
  }
  if (!problems.Add(ReqString(*it, "name", out.name), "/author/name", "required")) return;
  problems.AddText(ValidateText(out.name, "author.name", kMaxNameBytes), out.name, "/author/name",
                   kMaxNameBytes);
  if (!problems.Add(OptString(*it, "email", out.email), "/author/email", "invalid-email")) return;
  if (out.email && !out.email->empty()) {
    if (!problems.Add(ValidateText(*out.email, "author.email", 254), "/author/email",
                      "invalid-email")) {
      return;
    }
    if (out.email->find('@') == std::string::npos) {
      problems.Add(FieldError("'author.email' must be an e-mail address"), "/author/email",
                   "invalid-email");
    }
  } else if (out.email) {
    out.email.reset();  // an empty address is no address
  }
}

void ParsePoints(const json& body, std::vector<Point>& out, FieldProblems& problems) {
  auto it = body.find("points");
  if (it == body.end() || !it->is_array() || it->empty()) {
    problems.Add(FieldError("'points' is required: an array of 1-100 {section?, quote?, text}"),
                 "/points", "required");
    return;
  }
  if (it->size() > kMaxPoints) {
    problems.Add(FieldError("at most 100 points per response"), "/points", "too-many-points",
                 {{"max", std::to_string(kMaxPoints)}});
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& p = (*it)[i];
    const std::string where = "point " + std::to_string(i + 1);
    const std::string at = "/points/" + std::to_string(i);
    if (!p.is_object()) {
      problems.Add(FieldError(where + " must be an object {section?, quote?, text}"), at);
      continue;
    }
    Point point;
    problems.Add(OptString(p, "section", point.section), at + "/section");
    problems.Add(OptString(p, "quote", point.quote), at + "/quote");
    if (point.section && point.section->empty()) point.section.reset();
    if (point.quote && point.quote->find_first_not_of(" \t\r\n") == std::string::npos) {
      point.quote.reset();
    }
    if (problems.Add(ReqString(p, "text", point.text), at + "/text", "required")) {
      problems.AddText(ValidateText(point.text, where + " text", kMaxPointBytes), point.text,
                       at + "/text", kMaxPointBytes);
    }
    if (point.quote) {
      problems.AddText(ValidateText(*point.quote, where + " quote", kMaxPointBytes), *point.quote,
                       at + "/quote", kMaxPointBytes);
    }
    out.push_back(std::move(point));
  }
}

// Sections and quotes must refer to the consulted text; every point is
// checked (one problem per field).
Status CheckAnchors(const std::vector<Point>& points, const agreements::SectionTree& text) {
  FieldProblems problems;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point& p = points[i];
    const std::string where = "point " + std::to_string(i + 1);
    const std::string at = "/points/" + std::to_string(i);
    if (p.section) {
      const agreements::Section* s = text.Find(*p.section);
      if (s == nullptr) {
        problems.Add(
            Unprocessable(where + ": section '" + *p.section + "' is not in the consulted version",
                          "unknown-section"),
            at + "/section");
        continue;
      }
      if (p.quote && !QuoteOccurs(s->heading, *p.quote) && !QuoteOccurs(s->body, *p.quote)) {
        problems.Add(Unprocessable(where + ": the quoted passage does not occur in section '" +
                                       *p.section + "' of the consulted version",
                                   "quote-not-found"),
                     at + "/quote");
      }
    } else if (p.quote) {
      bool found = false;
      text.Walk([&](const agreements::Section& s, std::size_t) {
        found = found || QuoteOccurs(s.heading, *p.quote) || QuoteOccurs(s.body, *p.quote);
      });
      if (!found) {
        problems.Add(
            Unprocessable(where + ": the quoted passage does not occur in the consulted version",
                          "quote-not-found"),
            at + "/quote");
      }
    }
  }
  return std::move(problems).ToStatus();
}

Status CheckParty(const Submitter& who, const std::string& party) {
  if (who.stakeholder_party && *who.stakeholder_party != party) {
    return Forbidden("a stakeholder token may respond only for its own party ('" +
                     *who.stakeholder_party + "')");
  }
  return Status::Ok();
}

}  // namespace

bool QuoteOccurs(std::string_view text, std::string_view quote) {
  return ::hoering::text::LocateQuote(text, quote).has_value();
}

Result<Submission> ParseSubmission(const json& body, std::uint64_t max_attachment_bytes) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  Submission s;
  ResponseContent& c = s.content;
  FieldProblems problems;
  if (problems.Add(ReqString(body, "party", c.party), "/party", "required")) {
    problems.Add(ValidateId(c.party, "party"), "/party");
  }
  ParseAuthor(body, c.author, problems);
  if (problems.Add(OptString(body, "summary", c.summary), "/summary") && c.summary) {
    if (c.summary->find_first_not_of(" \t\r\n") == std::string::npos) {
      c.summary.reset();  // a blank summary is no summary
    } else {
      problems.AddText(ValidateText(*c.summary, "summary", kMaxSummaryBytes), *c.summary,
                       "/summary", kMaxSummaryBytes);
    }
  }
  ParsePoints(body, c.points, problems);
  std::string publication;
  if (!ReqString(body, "publication", publication).ok()) {
    problems.Add(FieldError("'publication' is required: public, anonymous or private"),
                 "/publication", "required");
  } else if (auto pub = ParsePublication(publication)) {
    c.publication = *pub;
  } else {
    problems.Add(FieldError("'publication' must be public, anonymous or private"), "/publication",
                 "invalid-publication");
  }
  auto attachments = ParseAttachments(body, max_attachment_bytes);
  if (problems.Add(attachments.ok() ? Status::Ok() : attachments.status(), "/attachments")) {
    s.attachments = std::move(attachments).value();
    for (const auto& a : s.attachments) c.attachments.push_back(a.ref);
  }
  if (auto late = body.find("accept_late"); late != body.end() && !late->is_null()) {
    std::string reason;
    if (!late->is_object() || !ReqString(*late, "reason", reason).ok()) {
      problems.Add(FieldError("'accept_late' must be {\"reason\": \"...\"}"), "/accept_late/reason",
                   "required");
    } else if (problems.AddText(ValidateText(reason, "accept_late.reason", kMaxReasonBytes), reason,
                                "/accept_late/reason", kMaxReasonBytes)) {
      s.accept_late = reason;
    }
  }
  if (body.contains("received_at") && !body["received_at"].is_null()) {
    TimeMs at = 0;
    if (problems.Add(ReqTime(body, "received_at", at), "/received_at", "invalid-time")) {
      s.received_at = at;
    }
  }
  if (Status st = std::move(problems).ToStatus(); !st.ok()) return st;
  return s;
}

Result<ResponseWrite> DecideSubmit(const ConsultationState& consultation,
                                   const agreements::SectionTree& consulted_text,
                                   const Submitter& who, const Submission& cmd,
                                   const std::string& response_id, TimeMs now,
                                   const std::function<bool(const std::string&)>& party_exists) {
  if (!consultation.exists()) return NoConsultation();
  if (Status s = CheckParty(who, cmd.content.party); !s.ok()) return s;
  if (cmd.accept_late && !who.editor()) {
    return Forbidden("only the secretariat can record an accepted-late response");
  }
  if (party_exists && !party_exists(cmd.content.party)) {
    return Unprocessable("party '" + cmd.content.party + "' is not registered", "unknown-party");
  }
  if (cmd.received_at && !who.editor()) {
    return Forbidden("only the secretariat can record when a response was received");
  }
  if (cmd.received_at && *cmd.received_at > now) {
    return FieldError("'received_at' may not be in the future");
  }
  ResponseRevisionEvent e;
  ResponseWrite out;
  e.received_at = cmd.received_at;
  switch (consultation.PhaseAt(cmd.received_at.value_or(now))) {
    case Phase::kScheduled:
      return NotOpen(consultation);
    case Phase::kOpen:
      if (!cmd.received_at) {
        out.commit_before = consultation.EffectiveClose();
        out.decided_on = DecidedOn(consultation);
      }
      break;
    case Phase::kClosed:
      if (!cmd.accept_late) return Closed(consultation);
      e.late = true;
      e.late_reason = cmd.accept_late;
      break;
  }
  if (Status s = CheckAnchors(cmd.content.points, consulted_text); !s.ok()) return s;
  e.response = response_id;
  e.consultation = consultation.info().id;
  e.agreement = consultation.info().agreement;
  e.revision = 1;
  e.submitted_at = now;
  e.content = cmd.content;
  out.events.push_back(ToEvent(e));
  return out;
}

Result<ResponseWrite> DecideAmend(const ConsultationState& consultation,
                                  const agreements::SectionTree& consulted_text,
                                  const ResponseDecisionState& response, const Submitter& who,
                                  const Submission& cmd, TimeMs now) {
  if (!consultation.exists()) return NoConsultation();
  if (!response.exists() || response.consultation != consultation.info().id) return NoResponse();
  if (Status s = CheckParty(who, response.party); !s.ok()) return s;
  if (cmd.content.party != response.party) {
    return Unprocessable("a revision cannot change the party (was '" + response.party + "')",
                         "party-mismatch");
  }
  if (response.withdrawn) {
    return Status(Code::kConflict, "the response was withdrawn", "response-withdrawn");
  }
  const Phase phase = consultation.PhaseAt(now);
  if (phase == Phase::kScheduled) return NotOpen(consultation);
  if (phase == Phase::kClosed) return Closed(consultation);
  if (Status s = CheckAnchors(cmd.content.points, consulted_text); !s.ok()) return s;
  ResponseRevisionEvent e;
  e.response = response.id;
  e.consultation = response.consultation;
  e.agreement = response.agreement;
  e.revision = response.revision + 1;
  e.submitted_at = now;
  e.content = cmd.content;
  return ResponseWrite{{ToEvent(e)}, consultation.EffectiveClose(), DecidedOn(consultation)};
}

Result<ResponseWrite> DecideWithdraw(const ConsultationState& consultation,
                                     const ResponseDecisionState& response, const Submitter& who,
                                     const std::optional<std::string>& reason, TimeMs now) {
  if (!consultation.exists()) return NoConsultation();
  if (!response.exists() || response.consultation != consultation.info().id) return NoResponse();
  if (Status s = CheckParty(who, response.party); !s.ok()) return s;
  if (response.withdrawn) {
    return Status(Code::kConflict, "the response was already withdrawn", "response-withdrawn");
  }
  if (consultation.PhaseAt(now) != Phase::kOpen) return Closed(consultation);
  ResponseWithdrawn e{response.id, response.consultation, response.revision, reason, now};
  return ResponseWrite{{ToEvent(e)}, consultation.EffectiveClose(), DecidedOn(consultation)};
}

Result<RecordDisposition> ParseDisposition(const json& body) {
  if (!body.is_object()) return FieldError("the body must be a JSON object");
  RecordDisposition d;
  std::string outcome;
  if (Status s = ReqString(body, "outcome", outcome); !s.ok()) return s;
  auto o = ParseOutcome(outcome);
  if (!o) {
    return FieldError(
        "'outcome' must be accepted, partially_accepted, not_accepted, noted or out_of_scope");
  }
  d.outcome = *o;
  if (Status s = ReqString(body, "rationale", d.rationale); !s.ok()) return s;
  if (Status s = ValidateText(d.rationale, "rationale", kMaxPointBytes); !s.ok()) return s;
  if (Status s = OptStrings(body, "changes", d.changes); !s.ok()) return s;
  std::set<std::string> seen;
  for (const auto& c : d.changes) {
    if (!seen.insert(c).second) return FieldError("change '" + c + "' is listed twice");
  }
  return d;
}

Result<std::vector<NewEvent>> DecideDisposition(const ResponseDecisionState& response,
                                                std::uint32_t point, const RecordDisposition& cmd,
                                                const agreements::AgreementState& agreement) {
  if (!response.exists()) return NoResponse();
  if (point < 1 || point > response.points) {
    return NotFound("the response has no point " + std::to_string(point) + " (it has " +
                        std::to_string(response.points) + ")",
                    "point-not-found");
  }
  for (const auto& c : cmd.changes) {
    if (agreement.FindChangeSet(c) == nullptr) {
      return Unprocessable(
          "change set '" + c + "' does not exist in agreement '" + response.agreement + "'",
          "unknown-change");
    }
  }
  DispositionRecorded e{response.id, response.consultation, point,
                        cmd.outcome, cmd.rationale,         cmd.changes};
  return std::vector<NewEvent>{ToEvent(e)};
}

}  // namespace hoering::consultations
