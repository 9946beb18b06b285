#include "domain/consultations/response_decide.h"

#include <gtest/gtest.h>

#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT


void ExpectParseError(const json& body) {
  auto r = ParseSubmission(body);
  ASSERT_FALSE(r.ok()) << body.dump();
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << body.dump();
  EXPECT_EQ(r.status().type(), "invalid-field") << body.dump() << ": " << r.status().detail();
}

TEST(ResponseParseSubmission, ReadsTheApiShape) {
  json body = SubmissionBody("aarhus", "anonymous");
  body["accept_late"] = {{"reason", "Posten var forsinket"}};
  auto r = ParseSubmission(body);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->content.party, "aarhus");
  EXPECT_EQ(r->content.author, (Author{"Anne Jensen", "anne@aarhus.dk"}));
  EXPECT_EQ(r->content.publication, Publication::kAnonymous);
  ASSERT_EQ(r->content.points.size(), 2u);
  EXPECT_EQ(r->content.points[0].section, "samarbejde");
  EXPECT_EQ(r->content.points[1].section, std::nullopt);
  EXPECT_EQ(r->accept_late, "Posten var forsinket");
  EXPECT_TRUE(r->attachments.empty());
  body["points"] = PointsOf(100);
  body["accept_late"] = nullptr;
  auto hundred = ParseSubmission(body);
  ASSERT_TRUE(hundred.ok()) << hundred.status().detail();
  EXPECT_EQ(hundred->content.points.size(), 100u);
  EXPECT_EQ(hundred->accept_late, std::nullopt);
}

// Every field problem at once, each at its JSON pointer, for the API's
// `errors` list and the form's error summary.
TEST(ResponseParseSubmission, ListsEveryFieldProblem) {
  json b = SubmissionBody();
  b["author"] = {{"name", " "}, {"email", "anne.aarhus.dk"}};
  b["points"] = json::array({json{{"text", "fine"}}, json{{"text", ""}, {"quote", "  "}}});
  b["publication"] = "secret";
  auto r = ParseSubmission(b);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().type(), "invalid-field");
  std::vector<std::pair<std::string, std::string>> got;
  for (const FieldProblem& p : r.status().errors()) got.emplace_back(p.pointer, p.type);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{
                     {"/author/name", "required"},
                     {"/author/email", "invalid-email"},
                     {"/points/1/text", "required"},
                     {"/publication", "invalid-publication"}}));
  b = SubmissionBody();
  b["summary"] = std::string(kMaxSummaryBytes + 1, 'x');
  auto long_summary = ParseSubmission(b);
  ASSERT_FALSE(long_summary.ok());
  ASSERT_EQ(long_summary.status().errors().size(), 1u);
  EXPECT_EQ(long_summary.status().errors()[0].type, "invalid-text");
  EXPECT_EQ(long_summary.status().errors()[0].params,
            (std::vector<std::pair<std::string, std::string>>{{"max", "50000"}}));
  // A form's empty optional fields are absent, not errors.
  b = SubmissionBody();
  b["summary"] = " ";
  b["author"]["email"] = "";
  b["points"] = json::array({json{{"text", "t"}, {"section", ""}, {"quote", ""}}});
  auto blanks = ParseSubmission(b);
  ASSERT_TRUE(blanks.ok()) << blanks.status().detail();
  EXPECT_EQ(blanks->content.summary, std::nullopt);
  EXPECT_EQ(blanks->content.author.email, std::nullopt);
  EXPECT_EQ(blanks->content.points[0].section, std::nullopt);
  EXPECT_EQ(blanks->content.points[0].quote, std::nullopt);
}

TEST(ResponseParseSubmission, FieldErrorsAre400) {
  json b = SubmissionBody();
  b.erase("publication");
  ExpectParseError(b);
  b = SubmissionBody("aarhus", "secret");
  ExpectParseError(b);
  b = SubmissionBody();
  b["points"] = json::array();
  ExpectParseError(b);
  b["points"] = PointsOf(101);
  ExpectParseError(b);
  b.erase("points");
  ExpectParseError(b);
  b = SubmissionBody();
  b["points"] = json::array({json{{"section", "samarbejde"}}});
  ExpectParseError(b);
  b["points"] = json::array({json{{"text", "  "}}});
  ExpectParseError(b);
  b["points"] = json::array({"just text"});
  ExpectParseError(b);
  b = SubmissionBody();
  b["author"] = {{"email", "anne@aarhus.dk"}};
  ExpectParseError(b);
  b["author"] = "Anne";
  ExpectParseError(b);
  b.erase("author");
  ExpectParseError(b);
  b = SubmissionBody();
  b["author"] = {{"name", "Anne"}, {"email", "anne.aarhus.dk"}};
  ExpectParseError(b);
  for (const json& late : {json("reason"), json::object(), json({{"reason", ""}}),
                           json({{"reason", 3}}), json::array({"reason"})}) {
    b = SubmissionBody();
    b["accept_late"] = late;
    ExpectParseError(b);
  }
  b = SubmissionBody();
  b["party"] = "Aarhus";
  EXPECT_FALSE(ParseSubmission(b).ok());
}

class ResponseDecide : public ::testing::Test {
 protected:
  void SetUp() override { w.Open(); }
  Result<ResponseWrite> Submit(const json& body, const Submitter& who = Editor(),
                               TimeMs now = kDuring) {
    return DecideSubmit(w.Consultation(), w.Text(), who, MustParse(body), "r-1", now,
                        [](const std::string& p) { return p != "atlantis"; });
  }
  json WithPoint(json point) {
    json b = SubmissionBody();
    b["points"] = json::array({std::move(point)});
    return b;
  }
  World w;
};

TEST_F(ResponseDecide, OpenSubmissionMustCommitBeforeTheDeadline) {
  auto r = Submit(SubmissionBody(), Stakeholder("aarhus"));
  ASSERT_TRUE(r.ok()) << r.status().detail();
  ASSERT_EQ(r->commit_before, w.Consultation().EffectiveClose());
  EXPECT_EQ(*r->commit_before, kClosesAt);
  ASSERT_EQ(r->events.size(), 1u);
  EXPECT_EQ(r->events[0].type, kResponseSubmitted);
  const json& d = r->events[0].data;
  EXPECT_EQ(d["response"], "r-1");
  EXPECT_EQ(d["consultation"], "h-1");
  EXPECT_EQ(d["agreement"], "sa-2024");
  EXPECT_EQ(d["revision"], 1);
  EXPECT_EQ(d["late"], false);
  EXPECT_FALSE(d.contains("late_reason"));
  EXPECT_EQ(d["submitted_at"], FormatRfc3339Ms(kDuring));
  EXPECT_EQ(d["points"][1], json({{"n", 2}, {"text", "Generelt godt."}}));
  // The decision relied on the consultation as it was: its stream and version.
  using DecidedOn = StreamAt;
  EXPECT_EQ(r->decided_on, DecidedOn("consultation-h-1", w.Consultation().version()));
  // An explicit close before the deadline moves commit_before forward.
  w.Close(kDuring + 10);
  EXPECT_EQ(*Submit(SubmissionBody(), Editor(), kDuring + 5)->commit_before, kDuring + 10);
  EXPECT_EQ(Submit(SubmissionBody(), Editor(), kDuring + 5)->decided_on,
            DecidedOn("consultation-h-1", w.Consultation().version()));
}

TEST_F(ResponseDecide, WhoMaySubmit) {
  ExpectError(Submit(SubmissionBody("aarhus"), Stakeholder("region-midt")), Code::kPermissionDenied,
              "forbidden");
  json late = SubmissionBody("aarhus");
  late["accept_late"] = {{"reason", "r"}};
  ExpectError(Submit(late, Stakeholder("aarhus"), kClosesAt + 1), Code::kPermissionDenied,
              "forbidden");
  ExpectError(Submit(SubmissionBody("atlantis")), Code::kUnprocessable, "unknown-party");
  EXPECT_EQ(DecideSubmit(ConsultationState(), w.Text(), Editor(), MustParse(SubmissionBody()),
                         "r-1", kDuring, nullptr)
                .status()
                .type(),
            "consultation-not-found");
}

TEST_F(ResponseDecide, OnlyWhileOpenUnlessAcceptedLate) {
  ExpectError(Submit(SubmissionBody(), Editor(), kOpensAt - 1), Code::kConflict,
              "consultation-not-open");
  EXPECT_TRUE(Submit(SubmissionBody(), Editor(), kOpensAt).ok());
  ExpectError(Submit(SubmissionBody(), Editor(), kClosesAt), Code::kConflict,
              "consultation-closed");
  json late = SubmissionBody();
  late["accept_late"] = {{"reason", "Posten var forsinket"}};
  auto r = Submit(late, Editor(), kClosesAt + kDay);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ(r->commit_before, std::nullopt);
  EXPECT_EQ(r->decided_on, std::nullopt);  // a late response does not depend on the phase
  EXPECT_EQ(r->events[0].data["late"], true);
  EXPECT_EQ(r->events[0].data["late_reason"], "Posten var forsinket");
}

TEST_F(ResponseDecide, ExplicitCloseEndsSubmissionsBeforeTheDeadline) {
  w.Close(kDuring);
  ExpectError(Submit(SubmissionBody(), Editor(), kDuring + 1), Code::kConflict,
              "consultation-closed");
}

TEST_F(ResponseDecide, SectionsAndQuotesMustBeInTheConsultedText) {
  ExpectError(Submit(WithPoint({{"section", "nope"}, {"text", "t"}})), Code::kUnprocessable,
              "unknown-section");
  ExpectError(Submit(WithPoint({{"section", "samarbejde"}, {"quote", "går forud"}, {"text", "t"}})),
              Code::kUnprocessable, "quote-not-found");
  ExpectError(Submit(WithPoint({{"quote", "findes ikke"}, {"text", "t"}})), Code::kUnprocessable,
              "quote-not-found");
  // Every point is checked; each problem is at its field.
  json two = WithPoint({{"section", "nope"}, {"text", "t"}});
  two["points"].push_back({{"quote", "findes ikke"}, {"text", "t"}});
  auto both = Submit(two);
  ASSERT_FALSE(both.ok());
  ASSERT_EQ(both.status().errors().size(), 2u);
  EXPECT_EQ(both.status().errors()[0].pointer, "/points/0/section");
  EXPECT_EQ(both.status().errors()[0].type, "unknown-section");
  EXPECT_EQ(both.status().errors()[1].pointer, "/points/1/quote");
  EXPECT_EQ(both.status().errors()[1].type, "quote-not-found");
  // Whitespace differences (line breaks, runs of spaces) do not matter.
  for (const char* quote : {"samarbejder om sundhed og trivsel.", "samarbejder   om\n sundhed",
                            "trivsel. Det gælder", "  sundhed og\ttrivsel  ", "Samarbejde"}) {
    auto r = Submit(WithPoint({{"section", "samarbejde"}, {"quote", quote}, {"text", "t"}}));
    EXPECT_TRUE(r.ok()) << quote << ": " << (r.ok() ? "" : r.status().detail());
  }
  // Without a section the whole text is searched.
  EXPECT_TRUE(Submit(WithPoint({{"quote", "går  forud\nfor"}, {"text", "t"}})).ok());
  EXPECT_TRUE(Submit(WithPoint({{"quote", "Parterne samarbejder"}, {"text", "t"}})).ok());
  EXPECT_TRUE(QuoteOccurs("a\n\nb  c", "a b\tc"));
  EXPECT_FALSE(QuoteOccurs("a b c", "a c"));
  EXPECT_FALSE(QuoteOccurs("a b c", " \n"));
}

}  // namespace
}  // namespace hoering::consultations
