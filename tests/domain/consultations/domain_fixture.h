// Test support for the consultation domain: an in-memory log that records the
// NewEvents of decisions as RecordedEvents (global position, stream version,
// time, actor, hash) and folds streams into states, plus a published
// agreement ("sa-2024", version 1 "Høringsudkast") to consult on.
// Given (history) / when (decide) / then (events, state); no I/O.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/consultation_events.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_state.h"
#include "domain/event.h"
#include "tests/domain/agreements/agreement_fixture.h"
#include "tests/support/base64.h"
#include "tests/support/event_log_builder.h"
#include "tests/support/expect_error.h"

namespace hoering::consultations::dtest {

inline constexpr TimeMs kT0 = agreements::testing::kT0;
inline constexpr TimeMs kDay = 86'400'000;
inline constexpr TimeMs kOpensAt = kT0 + kDay + 123;  // ms survive the JSON round trip
inline constexpr TimeMs kClosesAt = kT0 + 10 * kDay + 456;
inline constexpr TimeMs kDuring = kOpensAt + kDay;  // a day into the consultation
inline const Actor kSecretariat = hoering::testing::kTestSecretariat;

// A global log: every Append gets the next position and its stream's next
// version (tests/support/event_log_builder.h).
using Log = hoering::testing::InMemoryLog;

template <typename State>
State Fold(const std::vector<RecordedEvent>& events) {
  State s;
  for (const auto& e : events) {
    Status st = s.Apply(e);
    EXPECT_TRUE(st.ok()) << st.detail();
  }
  return s;
}

// The consulted text: "formaal" (chapter) with "samarbejde" below it, and "forebyggelse".
inline nlohmann::json AgreementText() {
  using agreements::testing::Add;
  return nlohmann::json::array(
      {Add("formaal", "Formål", "", "chapter", "Aftalen beskriver samarbejdet."),
       Add("samarbejde", "Samarbejde", "formaal", "text",
           "Parterne samarbejder om\nsundhed  og trivsel.\n\nDet gælder alle borgere."),
       Add("forebyggelse", "Forebyggelse", "", "chapter",
           "Forebyggelse går forud for behandling.")});
}

inline OpenConsultation OpenCmd() {
  OpenConsultation c;
  c.id = "h-1";
  c.agreement = "sa-2024";
  c.version = "1";
  c.title = "Høring over sundhedsaftalen";
  c.opens_at = kOpensAt;
  c.closes_at = kClosesAt;
  c.invited = {"region-midt", "aarhus"};
  c.time_zone = "Europe/Copenhagen";
  return c;
}

// The points of a submission body: n points with texts "p0", "p1", ...
inline nlohmann::json PointsOf(std::size_t n) {
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t i = 0; i < n; ++i) points.push_back({{"text", "p" + std::to_string(i)}});
  return points;
}

inline nlohmann::json SubmissionBody(const std::string& party = "aarhus",
                                     const std::string& publication = "public") {
  return {
      {"party", party},
      {"author", {{"name", "Anne Jensen"}, {"email", "anne@aarhus.dk"}}},
      {"summary", "Kort svar."},
      {"points", nlohmann::json::array({{{"section", "samarbejde"}, {"text", "Mere samarbejde."}},
                                        {{"text", "Generelt godt."}}})},
      {"publication", publication}};
}

inline Submission MustParse(const nlohmann::json& body) {
  auto r = ParseSubmission(body);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().detail());
  return r.ok() ? std::move(r).value() : Submission{};
}

inline Submitter Editor() {
  return {};
}
inline Submitter Stakeholder(const std::string& party) {
  return {party};
}

// An agreement with a published version 1, and a log holding consultation "h-1" on it.
class World {
 public:
  World() {
    agreement.Create();
    agreement.MustChange(AgreementText());
    agreement.MustPublish("Høringsudkast");
  }

  agreements::AgreementState Agreement() const { return agreement.State(); }
  const agreements::SectionTree& Text() {
    if (!agreement_) agreement_ = Agreement();
    return *agreement_->FindVersion(1)->text;
  }
  ConsultationState Consultation(const std::string& id = "h-1") const {
    return Fold<ConsultationState>(log.Stream(ConsultationStream(id)));
  }
  ResponseState Response(const std::string& id) const {
    return Fold<ResponseState>(log.Stream(ResponseStream(id)));
  }

  void Open(const OpenConsultation& cmd = OpenCmd(), TimeMs at = kT0) {
    auto a = Agreement();
    auto r = DecideOpen(Consultation(cmd.id), cmd, &a, nullptr);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ConsultationStream(cmd.id), *r, at);
  }
  // Consultation "h-2" on "sa-2020", an agreement this world does not hold
  // (so written straight to the log, not decided), then an event of a stream
  // the consultation views ignore (a party's).
  void OpenOnAnotherAgreement() {
    ConsultationOpened other{"h-2",           "sa-2020", {1, "v1", std::string(64, '0')},
                             "Gammel høring", kOpensAt,  kClosesAt,
                             {"aarhus"},      "UTC"};
    log.Append(ConsultationStream("h-2"), ToEvent(other), kT0);
    log.Append("party-aarhus", {"PartyRegistered", 1, {{"id", "aarhus"}}, {}}, kT0);
  }
  void Close(TimeMs at, const std::string& id = "h-1") {
    auto r = DecideClose(Consultation(id), std::string("done"));
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ConsultationStream(id), *r, at);
  }
  void Extend(TimeMs closes_at, TimeMs at, const std::string& id = "h-1") {
    auto r = DecideExtend(Consultation(id), {closes_at, "more time"}, at);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ConsultationStream(id), *r, at);
  }
  void Submit(const std::string& response, const nlohmann::json& body, TimeMs at,
              const std::string& consultation = "h-1", const Submitter& who = Editor()) {
    auto r = DecideSubmit(Consultation(consultation), Text(), who, MustParse(body), response, at,
                          nullptr);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ResponseStream(response), r->events, at);
  }
  void Amend(const std::string& response, const nlohmann::json& body, TimeMs at) {
    const ResponseState rs = Response(response);
    auto r = DecideAmend(Consultation(rs.consultation()), Text(), rs.decision(), Editor(),
                         MustParse(body), at);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ResponseStream(response), r->events, at);
  }
  void Withdraw(const std::string& response, TimeMs at) {
    const ResponseState rs = Response(response);
    auto r = DecideWithdraw(Consultation(rs.consultation()), rs.decision(), Editor(),
                            std::string("merged"), at);
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ResponseStream(response), r->events, at);
  }
  void Dispose(const std::string& response, std::uint32_t point, Outcome outcome, TimeMs at,
               std::vector<std::string> changes = {}) {
    auto r = DecideDisposition(Response(response).decision(), point,
                               {outcome, "because " + OutcomeName(outcome), std::move(changes)},
                               Agreement());
    ASSERT_TRUE(r.ok()) << r.status().detail();
    log.AppendAll(ResponseStream(response), *r, at);
  }

  agreements::testing::History agreement;
  Log log;

 private:
  std::optional<agreements::AgreementState> agreement_;
};

using hoering::testing::Base64;       // tests/support/base64.h
using hoering::testing::ExpectError;  // tests/support/expect_error.h

}  // namespace hoering::consultations::dtest
