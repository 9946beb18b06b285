// Typed events, decoded once. A stored event's data (canonical JSON) becomes
// one typed value, parsed a single time and handed to every view and decider
// that folds it; nothing downstream parses JSON again. Wire names and schema
// versions are unchanged: the stored bytes and their hashes stay as they are.
//
// Decode() by type:
//   PartyRegistered   parties::Party (absent fields "")      ObligationFulfilled  decisions::
//   TokenIssued       access::TokenIssued (absent fields "")  DecisionRecorded     decisions::
//   TokenRevoked      access::TokenRevoked                    ConditionFulfilled   decisions::
//   AgreementCreated, ChangeSetRecorded, VersionPublished    agreements:: (ChangeSetRecorded
//                     through the SAX reader, without a JSON document)
//   ConsultationOpened, DeadlineExtended, ConsultationClosed  consultations::
//   ResponseSubmitted, ResponseAmended                        consultations::ResponseRevisionEvent
//   ResponseWithdrawn, DispositionRecorded                    consultations::
//   InvitationIssued, InvitationRevoked                      invitations::
//   AttachmentStored  consultations::AttachmentStored without its content (read
//                     from the log when a request needs it)
//   any other type    UnknownType, whatever its data: a type this build does not know is
//                     skipped by every view (a newer writer's events); also ReportPublished,
//                     which no view folds (app/report_publish.h reads it from its stream)
// Failures are values: data that is not JSON is kCorruption "event <p>: data is not JSON";
// a known type whose data has the wrong shape carries its decoder's kCorruption status.
// Pure.
#pragma once

#include <variant>

#include "domain/access/access.h"
#include "domain/agreements/agreement_events.h"
#include "domain/consultations/consultation_events.h"
#include "domain/consultations/response_events.h"
#include "domain/decisions/decision_events.h"
#include "domain/event.h"
#include "domain/invitations/invitation_events.h"
#include "domain/parties/party.h"
#include "domain/status.h"

namespace hoering::events {

struct UnknownType {};

using Payload = std::variant<
    UnknownType, parties::Party, access::TokenIssued, access::TokenRevoked,
    agreements::AgreementCreated, agreements::ChangeSetRecorded, agreements::VersionPublished,
    consultations::ConsultationOpened, consultations::DeadlineExtended,
    consultations::ConsultationClosed, consultations::ResponseRevisionEvent,
    consultations::ResponseWithdrawn, consultations::DispositionRecorded,
    consultations::AttachmentStored, decisions::DecisionRecorded, decisions::ConditionFulfilled,
    decisions::ObligationFulfilled, invitations::InvitationIssued, invitations::InvitationRevoked>;

// What a view folds: the envelope (position, stream, time, actor, hash) and
// its typed data.
struct DecodedEvent {
  const RecordedEvent& envelope;
  Result<Payload> payload;

  // The payload as T, or null (a failure or another type).
  template <typename T>
  const T* As() const {
    return payload.ok() ? std::get_if<T>(&payload.value()) : nullptr;
  }
};

Result<Payload> Decode(const RecordedEvent& e);
inline DecodedEvent DecodeEvent(const RecordedEvent& e) {
  return {e, Decode(e)};
}

}  // namespace hoering::events
