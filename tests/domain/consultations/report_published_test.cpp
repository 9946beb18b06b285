#include "domain/consultations/report_published.h"

#include <gtest/gtest.h>

#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using namespace dtest;  // NOLINT
using hoering::testing::ExpectError;

ReportPublished Report() {
  ReportPublished r;
  r.consultation = "h-1";
  r.language = "da";
  r.format = "html";
  r.media_type = PublishedMediaType("html");
  r.sha256 = std::string(64, 'a');
  r.size = 1200;
  r.as_of_position = 42;
  return r;
}

TEST(ReportPublishedDecide, OnlyAfterTheConsultationHasClosed) {
  World w;
  ExpectError(DecidePublishReport(w.Consultation(), Report(), kClosesAt), Code::kNotFound,
              "consultation-not-found");
  w.Open();
  ExpectError(DecidePublishReport(w.Consultation(), Report(), kOpensAt - 1), Code::kConflict,
              "consultation-not-closed");
  ExpectError(DecidePublishReport(w.Consultation(), Report(), kClosesAt - 1), Code::kConflict,
              "consultation-not-closed");
  auto events = DecidePublishReport(w.Consultation(), Report(), kClosesAt);
  ASSERT_TRUE(events.ok()) << events.status().detail();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, kReportPublished);
  auto back = ReportPublishedFromJson((*events)[0].data);
  ASSERT_TRUE(back.ok()) << back.status().detail();
  EXPECT_EQ(*back, Report());
}

TEST(ReportPublishedDecide, RefusesChoicesOutOfRange) {
  World w;
  w.Open();
  const ConsultationState s = w.Consultation();
  auto refused = [&](auto change) {
    ReportPublished r = Report();
    change(r);
    ExpectError(DecidePublishReport(s, r, kClosesAt), Code::kInvalidArgument, "invalid-field");
  };
  refused([](ReportPublished& r) { r.language = "de"; });
  refused([](ReportPublished& r) { r.format = "pdf"; });
  refused([](ReportPublished& r) { r.media_type = "text/plain"; });
  refused([](ReportPublished& r) { r.sha256 = std::string(64, 'A'); });
  refused([](ReportPublished& r) { r.sha256 = "abc"; });
  refused([](ReportPublished& r) { r.size = 0; });
  refused([](ReportPublished& r) { r.consultation = "h-2"; });
}

TEST(ReportPublishedDecide, TheFoldCountsItInTheVersionOnly) {
  World w;
  w.Open();
  const ConsultationState before = w.Consultation();
  auto events = DecidePublishReport(before, Report(), kClosesAt);
  ASSERT_TRUE(events.ok());
  w.log.AppendAll(ConsultationStream("h-1"), *events, kClosesAt);
  const ConsultationState after = w.Consultation();
  EXPECT_EQ(after.version(), before.version() + 1);
  EXPECT_EQ(after.closes_at(), before.closes_at());
  EXPECT_FALSE(after.closed_at().has_value());
}

TEST(ReportPublishedJson, ABadShapeIsCorruption) {
  EXPECT_EQ(ReportPublishedFromJson(nlohmann::json{{"consultation", "h-1"}}).status().code(),
            Code::kCorruption);
  EXPECT_EQ(ReportPublishedFromJson(nlohmann::json::array()).status().code(), Code::kCorruption);
}

}  // namespace
}  // namespace hoering::consultations
