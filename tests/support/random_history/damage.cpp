// Damage in the random history (random_history.h, `damaged`): events the
// read views must tolerate, one kind at a time in turn: unknown event types
// in known streams, malformed data in each kind of stream, a change set citing
// responses that do not exist, a disposition without a response.
#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/consultations/response_events.h"
#include "domain/decisions/decision_events.h"
#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "tests/support/random_history/generator.h"
#include "tests/support/random_history/prose.h"

namespace hoering::testdata::history {

AgreementSim* Generator::ExistingAgreement() {
  for (int i = 0; i < 20; ++i) {
    AgreementSim& a = *rng_.Pick(agreements_);
    if (a.state.exists()) return &a;
  }
  return nullptr;
}

NewEvent Generator::Raw(const char* type, json data) {
  return NewEvent{type, 1, std::move(data), {}};
}

Status Generator::Damage(int kind) {
  const TimeMs at = kStartMs + static_cast<TimeMs>(writer_.planned()) * kMinute;
  const std::string n = std::to_string(++damage_counter_);
  AgreementSim* a = ExistingAgreement();
  switch (kind % 12) {
    case 0:  // a future event type in a live agreement stream
      if (a == nullptr) break;
      ApplyAgreement(*a, writer_.Write(ag::StreamFor(a->spec->id),
                                       {Raw("SectionCommentAdded", {{"agreement", a->spec->id},
                                                                    {"comment", Sentence(rng_)}})},
                                       Secretariat(), a->now));
      return local_error_;
    case 1:  // a future event type in a live response stream
      if (a == nullptr || a->responses.empty()) break;
      {
        ResponseSim& r = *rng_.Pick(a->responses);
        return ApplyResponse(
            r,
            writer_.Write(cs::ResponseStream(r.id),
                          {Raw("ResponseFlagged", {{"response", r.id}, {"flag", "needs-review"}})},
                          Secretariat(), a->now));
      }
    case 2:  // a future event type in a party stream
      writer_.Write(parties::StreamFor(rng_.Pick(party_ids_)),
                    {Raw("PartyRenamed", {{"name", "Nyt navn " + n}})}, admin_, at);
      return Status::Ok();
    case 3:  // a stream no view knows
      writer_.Write("maintenance", {Raw("MaintenanceNoted", {{"note", Sentence(rng_)}})}, admin_,
                    at);
      return Status::Ok();
    case 4: {  // an agreement stream that cannot be folded
      const std::string id = "arkiv-aftale-" + n;
      ag::CreateAgreement cmd;
      cmd.id = id;
      cmd.title = "Arkiveret aftale " + n;
      auto created = ag::DecideCreate(ag::AgreementState(), cmd);
      if (!created.ok()) return Bug("create broken agreement", created.status());
      writer_.Write(ag::StreamFor(id), *created, Secretariat(), at);
      if (damage_counter_ % 2 == 0) {
        writer_.Write(ag::StreamFor(id),
                      {Raw(ag::kChangeSetRecorded, {{"agreement", id},
                                                    {"change", "c-1"},
                                                    {"rationale", "defekt"},
                                                    {"cites", json::array()},
                                                    {"ops", "not-a-list"},
                                                    {"source", "api"}})},
                      Secretariat(), at);
      } else {  // a version whose hash is not the text's
        writer_.Write(ag::StreamFor(id),
                      {ag::ToEvent(ag::VersionPublished{id, 1, "udkast", std::nullopt,
                                                        std::string(64, '0'), 0})},
                      Secretariat(), at);
      }
      return Status::Ok();
    }
    case 5: {  // a response stream with malformed data
      const std::string rid = "r-" + rng_.Hex(16);
      const std::string consultation =
          (a != nullptr && !a->consultation.empty()) ? a->consultation : "ukendt";
      writer_.Write(cs::ResponseStream(rid),
                    {Raw(cs::kResponseSubmitted, {{"response", rid},
                                                  {"consultation", consultation},
                                                  {"revision", 1},
                                                  {"points", "se vedhæftede"}})},
                    Secretariat(), at);
      return Status::Ok();
    }
    case 6:  // a consultation stream with malformed data
      writer_.Write(cs::ConsultationStream("arkiv-hoering-" + n),
                    {Raw(cs::kConsultationOpened, {{"id", "arkiv-hoering-" + n},
                                                   {"agreement", "ukendt"},
                                                   {"closes_at", "næste tirsdag"}})},
                    Secretariat(), at);
      return Status::Ok();
    case 7:  // a decision stream with malformed data
      writer_.Write(
          dc::DecisionStream("arkiv-beslutning-" + n),
          {Raw(dc::kDecisionRecorded, {{"id", "arkiv-beslutning-" + n}, {"outcome", "måske"}})},
          Secretariat(), at);
      return Status::Ok();
    case 8:  // a change set citing nothing valid
      if (a == nullptr) break;
      return Change(*a, {{"r-0000000000000000", "1"}, {"r-ffffffffffffffff", "42"}}, 1);
    case 9: {  // a disposition of a response that was never submitted
      const std::string rid = "r-" + rng_.Hex(16);
      writer_.Write(cs::ResponseStream(rid),
                    {cs::ToEvent(cs::DispositionRecorded{
                        rid, "ukendt", 1, cs::Outcome::kNoted, "Uden høringssvar", {}})},
                    Secretariat(), at);
      return Status::Ok();
    }
    case 10: {  // an attachment stream with malformed data
      const std::string sha = ToHex(Sha256("defekt " + n));
      writer_.Write(cs::AttachmentStream(sha),
                    {Raw(cs::kAttachmentStored, {{"sha256", sha}, {"size", "stor"}})},
                    Secretariat(), at);
      return Status::Ok();
    }
    case 11:  // a party registration that is not an object
      writer_.Write(parties::StreamFor("arkiv-part-" + n),
                    {Raw(parties::kPartyRegistered, json::array())}, admin_, at);
      return Status::Ok();
  }
  // Nothing to damage yet: a stream no view knows.
  writer_.Write("maintenance", {Raw("MaintenanceNoted", {{"note", Sentence(rng_)}})}, admin_, at);
  return Status::Ok();
}

}  // namespace hoering::testdata::history
