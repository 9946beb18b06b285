#include "domain/consultations/consultation_decide.h"

#include <gtest/gtest.h>

#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

const char* kValidOpen = R"({"id": "h-1", "agreement": "sa-2024", "version": 1,
  "title": "Høring", "opens_at": "2023-11-15T00:00:00Z", "closes_at": "2023-12-01T12:00:00.250Z",
  "invited": ["aarhus", "region-midt"]})";

json ValidOpen() {
  return json::parse(kValidOpen);
}

void ExpectFieldError(const json& body, const std::string& type = "invalid-field") {
  auto r = ParseOpenConsultation(body);
  ASSERT_FALSE(r.ok()) << body.dump();
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << body.dump();
  EXPECT_EQ(r.status().type(), type) << body.dump() << ": " << r.status().detail();
}

TEST(ConsultationParseOpen, ReadsTheApiShape) {
  auto r = ParseOpenConsultation(ValidOpen());
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->id, "h-1");
  EXPECT_EQ(r->version, "1");
  EXPECT_EQ(r->opens_at, *ParseRfc3339("2023-11-15T00:00:00Z"));
  EXPECT_EQ(r->closes_at, *ParseRfc3339("2023-11-15T00:00:00Z") + 16 * kDay + 12 * 3'600'000 + 250);
  EXPECT_EQ(r->invited, (std::vector<std::string>{"aarhus", "region-midt"}));
  EXPECT_EQ(r->time_zone, "UTC");
  json by_label = ValidOpen();
  by_label["version"] = "Høringsudkast";
  by_label["time_zone"] = "Europe/Copenhagen";
  auto l = ParseOpenConsultation(by_label);
  ASSERT_TRUE(l.ok()) << l.status().detail();
  EXPECT_EQ(l->version, "Høringsudkast");
  EXPECT_EQ(l->time_zone, "Europe/Copenhagen");
}

TEST(ConsultationParseOpen, FieldErrorsAre400) {
  json no_id = ValidOpen();
  no_id.erase("id");
  ExpectFieldError(no_id);
  json bad_id = ValidOpen();
  bad_id["id"] = "Høring 1";
  ExpectFieldError(bad_id, "invalid-id");
  json bad_time = ValidOpen();
  bad_time["opens_at"] = "2023-11-15 00:00";
  ExpectFieldError(bad_time);
  json numeric_time = ValidOpen();
  numeric_time["closes_at"] = 1700000000000;
  ExpectFieldError(numeric_time);
  json duplicate = ValidOpen();
  duplicate["invited"] = json::array({"aarhus", "region-midt", "aarhus"});
  ExpectFieldError(duplicate);
  json not_array = ValidOpen();
  not_array["invited"] = "aarhus";
  ExpectFieldError(not_array);
  json no_invited = ValidOpen();
  no_invited.erase("invited");
  ExpectFieldError(no_invited);
  json bad_party = ValidOpen();
  bad_party["invited"] = json::array({"Aarhus Kommune"});
  ExpectFieldError(bad_party, "invalid-id");
  json no_version = ValidOpen();
  no_version.erase("version");
  ExpectFieldError(no_version);
  json negative_version = json::parse(R"({"version": -1})");
  json neg = ValidOpen();
  neg["version"] = negative_version["version"];
  ExpectFieldError(neg);
  json blank_title = ValidOpen();
  blank_title["title"] = "  ";
  ExpectFieldError(blank_title);
  ExpectFieldError(json::array());
}

class ConsultationDecideOpen : public ::testing::Test {
 protected:
  Result<std::vector<NewEvent>> Decide(const OpenConsultation& cmd) {
    auto a = w.Agreement();
    return DecideOpen(w.Consultation(cmd.id), cmd, &a,
                      [](const std::string& p) { return p == "aarhus" || p == "region-midt"; });
  }
  World w;
};

TEST_F(ConsultationDecideOpen, SuccessCopiesThePublishedVersion) {
  auto r = Decide(OpenCmd());
  ASSERT_TRUE(r.ok()) << r.status().detail();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].type, kConsultationOpened);
  const agreements::AgreementState a = w.Agreement();
  const agreements::VersionInfo* v = a.FindVersion(1);
  ASSERT_NE(v, nullptr);
  const json& d = (*r)[0].data;
  EXPECT_EQ(d["version"], json({{"number", 1}, {"label", "Høringsudkast"}, {"hash", v->hash}}));
  EXPECT_EQ(v->hash.size(), 64u);
  EXPECT_EQ(d["id"], "h-1");
  EXPECT_EQ(d["agreement"], "sa-2024");
  EXPECT_EQ(d["opens_at"], FormatRfc3339Ms(kOpensAt));
  EXPECT_EQ(d["invited"], json::array({"region-midt", "aarhus"}));
  EXPECT_EQ(d["time_zone"], "Europe/Copenhagen");
  // By label gives the same version.
  OpenConsultation by_label = OpenCmd();
  by_label.version = "Høringsudkast";
  auto l = Decide(by_label);
  ASSERT_TRUE(l.ok()) << l.status().detail();
  EXPECT_EQ((*l)[0].data, d);
}

TEST_F(ConsultationDecideOpen, ExistingConsultationIs409) {
  w.Open();
  ExpectError(Decide(OpenCmd()), Code::kAlreadyExists, "consultation-exists");
}

TEST_F(ConsultationDecideOpen, MissingAgreementIs422) {
  ExpectError(DecideOpen(ConsultationState(), OpenCmd(), nullptr, nullptr), Code::kUnprocessable,
              "unknown-agreement");
  agreements::AgreementState none;
  ExpectError(DecideOpen(ConsultationState(), OpenCmd(), &none, nullptr), Code::kUnprocessable,
              "unknown-agreement");
}

TEST_F(ConsultationDecideOpen, UnpublishedVersionIs422) {
  for (const char* selector : {"2", "0", "Endelig", "høringsudkast"}) {
    OpenConsultation c = OpenCmd();
    c.version = selector;
    ExpectError(Decide(c), Code::kUnprocessable, "version-not-published");
  }
  // An agreement with text but no published version at all.
  agreements::testing::History draft("draft");
  draft.Create();
  draft.MustChange(AgreementText());
  auto a = draft.State();
  OpenConsultation c = OpenCmd();
  ExpectError(DecideOpen(ConsultationState(), c, &a, nullptr), Code::kUnprocessable,
              "version-not-published");
}

TEST_F(ConsultationDecideOpen, PeriodMustBePositive) {
  OpenConsultation c = OpenCmd();
  c.closes_at = c.opens_at;
  ExpectError(Decide(c), Code::kUnprocessable, "invalid-period");
  c.closes_at = c.opens_at - 1;
  ExpectError(Decide(c), Code::kUnprocessable, "invalid-period");
  c.closes_at = c.opens_at + 1;
  EXPECT_TRUE(Decide(c).ok());
}

TEST_F(ConsultationDecideOpen, UnknownPartyIs422) {
  OpenConsultation c = OpenCmd();
  c.invited = {"aarhus", "atlantis"};
  ExpectError(Decide(c), Code::kUnprocessable, "unknown-party");
}

TEST(ConsultationPhase, FollowsTheClockAndExplicitClose) {
  World w;
  w.Open();
  ConsultationState s = w.Consultation();
  ASSERT_TRUE(s.exists());
  EXPECT_EQ(s.PhaseAt(kOpensAt - 1), Phase::kScheduled);
  EXPECT_EQ(s.PhaseAt(kOpensAt), Phase::kOpen);
  EXPECT_EQ(s.PhaseAt(kClosesAt - 1), Phase::kOpen);
  EXPECT_EQ(s.PhaseAt(kClosesAt), Phase::kClosed);
  EXPECT_EQ(s.PhaseAt(kClosesAt + kDay), Phase::kClosed);
  EXPECT_EQ(s.EffectiveClose(), kClosesAt);
  EXPECT_EQ(PhaseName(s.PhaseAt(kOpensAt)), "open");

  const TimeMs closed = kOpensAt + 2 * kDay;
  w.Close(closed);
  s = w.Consultation();
  EXPECT_EQ(s.closed_at(), closed);
  EXPECT_EQ(s.close_reason(), "done");
  EXPECT_EQ(s.PhaseAt(closed - 1), Phase::kOpen);
  EXPECT_EQ(s.PhaseAt(closed), Phase::kClosed);
  EXPECT_EQ(s.PhaseAt(closed + 1), Phase::kClosed);
  EXPECT_EQ(s.EffectiveClose(), closed);
  EXPECT_EQ(s.version(), 2u);
}

TEST(ConsultationExtend, LaterDeadlinesOnlyWhileNotClosed) {
  World w;
  w.Open();
  const TimeMs now = kOpensAt + kDay;
  auto same = DecideExtend(w.Consultation(), {kClosesAt, "r"}, now);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.status().code(), Code::kUnprocessable);
  EXPECT_EQ(same.status().type(), "invalid-deadline");
  EXPECT_EQ(DecideExtend(w.Consultation(), {kClosesAt - 1, "r"}, now).status().type(),
            "invalid-deadline");
  EXPECT_EQ(DecideExtend(ConsultationState(), {kClosesAt + 1, "r"}, now).status().type(),
            "consultation-not-found");

  auto later = DecideExtend(w.Consultation(), {kClosesAt + kDay, "Ønsket af KL"}, now);
  ASSERT_TRUE(later.ok()) << later.status().detail();
  EXPECT_EQ((*later)[0].data, json({{"consultation", "h-1"},
                                    {"closes_at", FormatRfc3339Ms(kClosesAt + kDay)},
                                    {"previous_closes_at", FormatRfc3339Ms(kClosesAt)},
                                    {"reason", "Ønsket af KL"}}));
  w.log.AppendAll(ConsultationStream("h-1"), *later, now);
  ConsultationState s = w.Consultation();
  EXPECT_EQ(s.closes_at(), kClosesAt + kDay);
  EXPECT_EQ(s.info().closes_at, kClosesAt);
  ASSERT_EQ(s.extensions().size(), 1u);
  EXPECT_EQ(s.extensions()[0].previous_closes_at, kClosesAt);
  EXPECT_EQ(s.extensions()[0].at, now);
  EXPECT_EQ(s.PhaseAt(kClosesAt), Phase::kOpen);
  // Past the (extended) deadline, or after an explicit close: closed.
  auto late = DecideExtend(s, {kClosesAt + 5 * kDay, "r"}, kClosesAt + kDay);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), Code::kConflict);
  EXPECT_EQ(late.status().type(), "consultation-closed");
  w.Close(now + 1);
  EXPECT_EQ(DecideExtend(w.Consultation(), {kClosesAt + 5 * kDay, "r"}, now + 2).status().type(),
            "consultation-closed");
}

TEST(ConsultationClose, TwiceIsAConflict) {
  World w;
  EXPECT_EQ(DecideClose(w.Consultation(), std::nullopt).status().type(), "consultation-not-found");
  w.Open();
  auto first = DecideClose(w.Consultation(), std::nullopt);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ((*first)[0].data, json({{"consultation", "h-1"}}));
  w.Close(kOpensAt);
  auto second = DecideClose(w.Consultation(), std::string("again"));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kConflict);
  EXPECT_EQ(second.status().type(), "consultation-closed");
}

TEST(ConsultationEvents, RoundTripThroughJson) {
  ConsultationOpened opened{"h-1",
                            "sa-2024",
                            {3, "Endelig", std::string(64, 'a')},
                            "Titel",
                            kOpensAt,
                            kClosesAt,
                            {"aarhus", "region-midt"},
                            "Europe/Copenhagen"};
  NewEvent o = ToEvent(opened);
  EXPECT_EQ(o.type, "ConsultationOpened");
  auto o2 = ConsultationOpenedFromJson(json::parse(o.data.dump()));
  ASSERT_TRUE(o2.ok()) << o2.status().detail();
  EXPECT_EQ(*o2, opened);

  DeadlineExtended ext{"h-1", kClosesAt + 1, kClosesAt, "mere tid"};
  NewEvent x = ToEvent(ext);
  EXPECT_EQ(x.type, "DeadlineExtended");
  auto x2 = DeadlineExtendedFromJson(x.data);
  ASSERT_TRUE(x2.ok());
  EXPECT_EQ(x2->consultation, "h-1");
  EXPECT_EQ(x2->closes_at, kClosesAt + 1);
  EXPECT_EQ(x2->previous_closes_at, kClosesAt);
  EXPECT_EQ(x2->reason, "mere tid");

  for (const std::optional<std::string>& reason :
       {std::optional<std::string>{}, std::optional<std::string>{"slut"}}) {
    NewEvent c = ToEvent(ConsultationClosed{"h-1", reason});
    EXPECT_EQ(c.type, "ConsultationClosed");
    EXPECT_EQ(c.data.contains("reason"), reason.has_value());
    auto c2 = ConsultationClosedFromJson(c.data);
    ASSERT_TRUE(c2.ok());
    EXPECT_EQ(c2->consultation, "h-1");
    EXPECT_EQ(c2->reason, reason);
  }
  // A malformed record is corruption, not a crash.
  json bad = o.data;
  bad["opens_at"] = "yesterday";
  EXPECT_EQ(ConsultationOpenedFromJson(bad).status().code(), Code::kCorruption);
  EXPECT_EQ(DeadlineExtendedFromJson(json::object()).status().code(), Code::kCorruption);
}

}  // namespace
}  // namespace hoering::consultations
