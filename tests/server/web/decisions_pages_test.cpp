// The decision pages through a real server and HTTP client: who may record,
// the form's rows without JavaScript, every problem at its field with the
// input kept and nothing written, recording, fulfilling a condition, marking
// an obligation done, and the public reads (decision, list, ratification,
// obligations). The browser tests (tests/web/decisions.test.mjs) drive the
// same flows in Chromium.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class DecisionsPagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    SignInForForms(secretariat_, "/manage/decisions/new");
  }
  client::Headers SessionHeaders() const {
    return {{"Cookie", session_}, {"Accept-Language", "en"}};
  }
  HttpResponse Post(const std::string& target, Fields fields) {
    fields.emplace_back("csrf", csrf_);
    return PostForm(target, Encoded(fields), SessionHeaders());
  }
  static Fields Complete() {
    return {{"id", "ssu-2024-05"},
            {"agreement", "sa"},
            {"version", "1"},
            {"body_name", "Social- og Sundhedsudvalget"},
            {"body_party", "aarhus"},
            {"meeting_date", "2024-05-23"},
            {"case_ref", "24/1234"},
            {"outcome", "approved_with_conditions"},
            {"final_for_party", "no"},
            {"conditions", "3"},
            {"condition_text_1", "Annual status to the committee"},
            {"condition_party_1", "aarhus"},
            {"condition_due_1", "2025-06-30"},
            {"recommendations", "3"},
            {"recommendation_1", "Involve the patient panel"},
            {"absent", "Jens Hansen\nMette Larsen"}};
  }
  // Complete() with the value of the field `name` replaced.
  static Fields CompleteWith(const std::string& name, const std::string& value) {
    Fields fields = Complete();
    for (auto& [field, old] : fields) {
      if (field == name) old = value;
    }
    return fields;
  }
  // Posting `fields` is refused with `status` and the error at `field`;
  // nothing is recorded.
  void ExpectRefused(const Fields& fields, int status, const std::string& field) {
    HttpResponse r = Post("/manage/decisions/new", fields);
    EXPECT_EQ(r.status, status);
    EXPECT_TRUE(Has(r, "id=\"" + field + "-error\"")) << r.body;
    EXPECT_TRUE(Decisions().empty());
  }
  nlohmann::json Decisions() { return Items(Anonymous(), "/v1/decisions"); }
};

TEST_F(DecisionsPagesTest, OnlyEditorsMayRecord) {
  HttpResponse anonymous = Get("/manage/decisions/new");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.headers.Get("Location"), "/sign-in?next=%2Fmanage%2Fdecisions%2Fnew");
  EXPECT_EQ(Get("/manage/decisions/new", {{"Cookie", SignIn(aarhus_)}}).status, 403);
  EXPECT_EQ(Get("/manage/decisions/new", {{"Cookie", SignIn(auditor_)}}).status, 403);
  HttpResponse form = Get("/manage/decisions/new?agreement=sa", SessionHeaders());
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(HasAll(form, {"id=\"condition_text_3\"", "<option value=\"sa\" selected>"}));
  EXPECT_FALSE(Has(form, "id=\"condition_text_4\""));
}

TEST_F(DecisionsPagesTest, AddAnotherRowKeepsTheInputAndWritesNothing) {
  Fields fields = Complete();
  fields.emplace_back("add", "condition");
  HttpResponse r = Post("/manage/decisions/new", fields);
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(HasAll(
      r, {"id=\"condition_text_4\"", "Annual status to the committee", "value=\"2024-05-23\""}));
  EXPECT_TRUE(HasNone(r, {"id=\"condition_text_5\"", "error-summary"}));
  EXPECT_TRUE(Decisions().empty());
}

TEST_F(DecisionsPagesTest, ProblemsAreShownAtTheirFieldsAndNothingIsWritten) {
  Fields fields = Complete();
  fields[3].second = "";            // body_name
  fields[5].second = "2024-13-45";  // meeting_date
  fields.emplace_back("condition_text_2", "Half a condition");
  HttpResponse r = Post("/manage/decisions/new", fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Has(r, "id=\"body_name-error\">Enter the name of the body")) << r.body;
  EXPECT_TRUE(
      HasAll(r, {"id=\"meeting_date-error\">Enter a real date", "id=\"condition_party_2-error\"",
                 "href=\"#body_name\"", "value=\"2024-13-45\"", "Half a condition"}));
  EXPECT_TRUE(Decisions().empty());

  ExpectRefused(CompleteWith("version", "no-such-version"), 422, "version");
  ExpectRefused(CompleteWith("id", "not an id!"), 400, "id");
}

TEST_F(DecisionsPagesTest, RecordFulfilAndReadTheDecision) {
  HttpResponse r = Post("/manage/decisions/new", Complete());
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.Get("Location"), "/decisions/ssu-2024-05");
  ASSERT_EQ(Decisions().size(), 1u);
  EXPECT_EQ(Decisions()[0]["absent"].size(), 2u);

  HttpResponse again = Post("/manage/decisions/new", Complete());
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(Has(again, "id=\"id-error\""));

  HttpResponse shown = Get("/decisions/ssu-2024-05", {{"Accept-Language", "en"}});
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(HasAll(
      shown, {"Social- og Sundhedsudvalget", "href=\"/agreements/sa?at=1\"", "Not yet due"}));
  EXPECT_FALSE(Has(shown, "/conditions/1/fulfil"));  // no form for the public
  EXPECT_TRUE(Has(Get("/decisions/ssu-2024-05", SessionHeaders()), "/conditions/1/fulfil"));
  EXPECT_EQ(Get("/decisions/nope").status, 404);

  HttpResponse empty = Post("/decisions/ssu-2024-05/conditions/1/fulfil", {{"evidence", " "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(Has(empty, "id=\"evidence-1-error\""));
  EXPECT_EQ(PostForm("/decisions/ssu-2024-05/conditions/1/fulfil", "csrf=" + csrf_ + "&evidence=x",
                     {{"Cookie", SignIn(aarhus_)}})
                .status,
            403);
  HttpResponse done =
      Post("/decisions/ssu-2024-05/conditions/1/fulfil", {{"evidence", "Minutes 2025-06-12"}});
  EXPECT_EQ(done.status, 303);
  auto d = Anonymous().Call(Verb::get, "/v1/decisions/ssu-2024-05");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->body["conditions"][0]["fulfilled"].get<bool>());
  HttpResponse twice = Post("/decisions/ssu-2024-05/conditions/1/fulfil", {{"evidence", "Again"}});
  EXPECT_EQ(twice.status, 409);

  HttpResponse list = Get("/decisions", {{"Accept-Language", "en"}});
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(Has(list, "href=\"/decisions/ssu-2024-05\""));
  EXPECT_EQ(Get("/decisions?limit=0").status, 400);

  HttpResponse ratification = Get("/agreements/sa/ratification", {{"Accept-Language", "en"}});
  EXPECT_EQ(ratification.status, 200);
  EXPECT_TRUE(Has(ratification, "not concluded"));
  EXPECT_EQ(Get("/agreements/nope/ratification").status, 404);

  HttpResponse obligations = Get("/agreements/sa/obligations", {{"Accept-Language", "en"}});
  EXPECT_EQ(obligations.status, 200);
  EXPECT_TRUE(Has(obligations, "June 2025")) << obligations.body;
  EXPECT_TRUE(Has(obligations, "Minutes 2025-06-12"));
}

TEST_F(DecisionsPagesTest, MarkingAnObligationDoneNeedsEvidence) {
  HttpResponse empty = Post("/agreements/sa/obligations/midway-status/done", {{"evidence", ""}});
  EXPECT_EQ(empty.status, 422);
  HttpResponse unknown = Post("/agreements/sa/obligations/nope/done", {{"evidence", "x"}});
  EXPECT_GE(unknown.status, 400);
  EXPECT_LT(unknown.status, 500);
}

}  // namespace
}  // namespace hoering::testing
