#include "domain/events/decoded_event.h"

#include "domain/agreements/change_set_reader.h"
#include "domain/consultations/response_revision_reader.h"

namespace hoering::events {
namespace {

using nlohmann::json;

Status NotJson(const RecordedEvent& e) {
  return Status(Code::kCorruption, "event " + std::to_string(e.position) + ": data is not JSON",
                "corruption");
}

template <typename T>
Result<Payload> Lift(Result<T> r) {
  if (!r.ok()) return r.status();
  return Payload(std::move(r).value());
}

// Decoders that read a JSON document, by type.
using JsonDecoder = Result<Payload> (*)(const RecordedEvent&, const json&);

Result<Payload> PartyOf(const RecordedEvent& e, const json& j) {
  if (!j.is_object()) return NotJson(e);
  return Payload(parties::Party{j.value("id", ""), j.value("name", ""), j.value("kind", ""),
                                e.recorded_at_ms, e.position});
}

Result<Payload> TokenIssuedOf(const RecordedEvent& e, const json& j) {
  if (!j.is_object()) return NotJson(e);
  return Payload(access::TokenIssued{j.value("id", ""), j.value("role", ""), j.value("party", ""),
                                     j.value("label", ""), j.value("token_sha256", "")});
}

Result<Payload> TokenRevokedOf(const RecordedEvent& e, const json& j) {
  if (!j.is_object()) return NotJson(e);
  return Payload(access::TokenRevoked{j.value("id", "")});
}

Result<Payload> AttachmentOf(const RecordedEvent& e, const json& j) {
  try {
    return Payload(consultations::AttachmentStored{j.at("sha256").get<std::string>(),
                                                   j.at("media_type").get<std::string>(),
                                                   j.at("size").get<std::uint64_t>(),
                                                   {}});
  } catch (const std::exception& ex) {
    return Status(Code::kCorruption,
                  "event " + std::to_string(e.position) + ": bad AttachmentStored: " + ex.what(),
                  "corruption");
  }
}

template <typename T, Result<T> (*FromJson)(const json&)>
Result<Payload> Typed(const RecordedEvent&, const json& j) {
  return Lift(FromJson(j));
}

struct Entry {
  const char* type;
  JsonDecoder decode;
};

const Entry kDecoders[] = {
    {parties::kPartyRegistered, PartyOf},
    {access::kTokenIssued, TokenIssuedOf},
    {access::kTokenRevoked, TokenRevokedOf},
    {agreements::kAgreementCreated,
     Typed<agreements::AgreementCreated, agreements::AgreementCreatedFromJson>},
    {agreements::kVersionPublished,
     Typed<agreements::VersionPublished, agreements::VersionPublishedFromJson>},
    {consultations::kConsultationOpened,
     Typed<consultations::ConsultationOpened, consultations::ConsultationOpenedFromJson>},
    {consultations::kDeadlineExtended,
     Typed<consultations::DeadlineExtended, consultations::DeadlineExtendedFromJson>},
    {consultations::kConsultationClosed,
     Typed<consultations::ConsultationClosed, consultations::ConsultationClosedFromJson>},
    {consultations::kResponseSubmitted,
     Typed<consultations::ResponseRevisionEvent, consultations::ResponseRevisionFromJson>},
    {consultations::kResponseAmended,
     Typed<consultations::ResponseRevisionEvent, consultations::ResponseRevisionFromJson>},
    {consultations::kResponseWithdrawn,
     Typed<consultations::ResponseWithdrawn, consultations::ResponseWithdrawnFromJson>},
    {consultations::kDispositionRecorded,
     Typed<consultations::DispositionRecorded, consultations::DispositionRecordedFromJson>},
    {consultations::kAttachmentStored, AttachmentOf},
    {decisions::kDecisionRecorded,
     Typed<decisions::DecisionRecorded, decisions::DecisionRecordedFromJson>},
    {decisions::kConditionFulfilled,
     Typed<decisions::ConditionFulfilled, decisions::ConditionFulfilledFromJson>},
    {decisions::kObligationFulfilled,
     Typed<decisions::ObligationFulfilled, decisions::ObligationFulfilledFromJson>},
    {invitations::kInvitationIssued,
     Typed<invitations::InvitationIssued, invitations::InvitationIssuedFromJson>},
    {invitations::kInvitationRevoked,
     Typed<invitations::InvitationRevoked, invitations::InvitationRevokedFromJson>},
};

}  // namespace

Result<Payload> Decode(const RecordedEvent& e) {
  if (e.type == agreements::kChangeSetRecorded) {
    // The fold's hot path for agreements: no JSON document.
    return Lift(agreements::ReadChangeSetRecorded(e.data));
  }
  if (e.type == consultations::kResponseSubmitted || e.type == consultations::kResponseAmended) {
    // Every response fold's hot path: no JSON document. Data off its path
    // goes the generic way below, which gives the exact error.
    if (auto fast = consultations::ReadResponseRevisionFast(e.data))
      return Payload(std::move(*fast));
  }
  for (const Entry& entry : kDecoders) {
    if (e.type != entry.type) continue;
    json j = json::parse(e.data, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return NotJson(e);
    return entry.decode(e, j);
  }
  return Payload(UnknownType{});
}

}  // namespace hoering::events
