// Test support for the consultation domain: an in-memory log that records the
// NewEvents of decisions as RecordedEvents (global position, stream version,
// time, actor, hash) and folds streams into states, plus a published
// agreement ("sa-2024", version 1 "Høringsudkast") to consult on.
// Given (history) / when (decide) / then (events, state); no I/O.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_state.h"
#include "domain/event.h"
#include "domain/sha256.h"
#include "tests/domain/agreements/agreement_fixture.h"

namespace hoering::consultations::dtest {

inline constexpr TimeMs kT0 = agreements::testing::kT0;
inline constexpr TimeMs kDay = 86'400'000;
inline constexpr TimeMs kOpensAt = kT0 + kDay + 123;  // ms survive the JSON round trip
inline constexpr TimeMs kClosesAt = kT0 + 10 * kDay + 456;
inline const Actor kSecretariat{"tok-sec", "secretariat", ""};

// A global log: every Append gets the next position and its stream's next version.
class Log {
 public:
  const RecordedEvent& Append(const std::string& stream, const NewEvent& n, TimeMs at,
                              const Actor& actor = kSecretariat) {
    RecordedEvent e;
    e.position = events_.size() + 1;
    e.stream = stream;
    e.stream_version = ++versions_[stream];
    e.type = n.type;
    e.schema_version = n.schema_version;
    e.recorded_at_ms = at;
    e.actor = actor;
    e.correlation_id = "corr-" + std::to_string(e.position);
    e.data = n.data.dump();
    e.hash = Sha256(e.data);
    events_.push_back(std::move(e));
    return events_.back();
  }
  void AppendAll(const std::string& stream, const std::vector<NewEvent>& events, TimeMs at,
                 const Actor& actor = kSecretariat) {
    for (const auto& n : events) Append(stream, n, at, actor);
  }
  std::vector<RecordedEvent> Stream(const std::string& stream) const {
    std::vector<RecordedEvent> out;
    for (const auto& e : events_) {
      if (e.stream == stream) out.push_back(e);
    }
    return out;
  }
  const std::vector<RecordedEvent>& events() const { return events_; }

 private:
  std::vector<RecordedEvent> events_;
  std::map<std::string, std::uint64_t> versions_;
};

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

// Standard base64 with padding, for building attachment bodies.
inline std::string Base64(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int s : {18, 12, 6, 0}) out.push_back(kAlphabet[(v >> s) & 63]);
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace hoering::consultations::dtest
