// The record page (/audit/record, issue 15): the responses and dispositions
// of a consultation as they stood at a position or a local date and time,
// for the audit roles only, with errors at their field and the input kept.
#include <gtest/gtest.h>

#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class AuditRecordPageTest : public PagesTest {
 protected:
  // 2023-05-17T00:00Z and 2023-05-18T00:00Z: 02:00 in Copenhagen (CEST).
  static constexpr TimeMs kSubmitted = kOpens + 2 * kDay;
  static constexpr TimeMs kAmended = kOpens + 3 * kDay;

  void SetUp() override {
    PagesTest::SetUp();
    now_->store(kSubmitted);
    auto first =
        As(aarhus_).Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
    ASSERT_TRUE(first.ok());
    rid_ = first->body["response"];
    now_->store(kAmended);
    nlohmann::json amended = ResponseBody("aarhus");
    amended["points"][0]["text"] = "Point one, amended";
    auto second = As(aarhus_).Call(Verb::put, "/v1/consultations/h1/responses/" + rid_, amended);
    ASSERT_TRUE(second.ok());
    amended_ = second->body["position"];
    auto d =
        As(secretariat_)
            .Call(Verb::put, "/v1/consultations/h1/responses/" + rid_ + "/points/1/disposition",
                  {{"outcome", "accepted"}, {"rationale", "Agreed in full"}});
    ASSERT_TRUE(d.ok());
    disposed_ = d->body["position"];
    auditor_cookie_ = SignIn(auditor_);
  }
  HttpResponse AsAuditor(const std::string& target) {
    return Get(target, {{"Cookie", auditor_cookie_}});
  }
  std::string Record(std::uint64_t position) {
    return "/audit/record?consultation=h1&at=position%3A" + std::to_string(position);
  }

  std::string rid_, auditor_cookie_;
  std::uint64_t amended_ = 0, disposed_ = 0;
};

TEST_F(AuditRecordPageTest, IsForTheAuditRolesAndLinkedFromAudit) {
  EXPECT_EQ(Get("/audit/record").status, 303);
  EXPECT_EQ(Get("/audit/record", {{"Cookie", SignIn(aarhus_)}}).status, 403);
  EXPECT_EQ(Get(Record(disposed_), {{"Cookie", SignIn(secretariat_)}}).status, 200);
  EXPECT_TRUE(Has(AsAuditor("/audit"), "href=\"/audit/record\""));
  HttpResponse form = AsAuditor("/audit/record");
  EXPECT_EQ(form.status, 200);
  EXPECT_TRUE(Has(form, "name=\"position\""));
  EXPECT_TRUE(Has(form, "type=\"date\""));
}

TEST_F(AuditRecordPageTest, ShowsResponsesAndDispositionsAsTheyStood) {
  HttpResponse before = AsAuditor(Record(amended_ - 1));
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(HasAll(before, {"Point one", "revision 1", "Punktet er ikke behandlet endnu."}));
  EXPECT_TRUE(HasNone(before, {"Point one, amended", "Agreed in full"}));
  // The consulted version was the last published; the text then, by position.
  EXPECT_TRUE(Has(before, "href=\"/agreements/sa?at=1\""));
  EXPECT_TRUE(Has(before, "href=\"/agreements/sa?at=position%3A" + std::to_string(amended_ - 1)));

  HttpResponse amended = AsAuditor(Record(amended_));
  EXPECT_TRUE(HasAll(amended, {"Point one, amended", "revision 2"}));
  EXPECT_FALSE(Has(amended, "Agreed in full"));

  HttpResponse disposed =
      AsAuditor("/audit/record?consultation=h1&position=" + std::to_string(disposed_));
  EXPECT_TRUE(Has(disposed, "Agreed in full"));
  EXPECT_TRUE(Has(disposed, "value=\"" + std::to_string(disposed_) + "\""));
}

TEST_F(AuditRecordPageTest, ALocalDateAndTimeSelectTheLastEventBefore) {
  // 12:00 in Copenhagen on the 17th: after the submission, before the amendment.
  HttpResponse page = AsAuditor("/audit/record?consultation=h1&date=2023-05-17&time=12%3A00");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(HasAll(page, {"revision 1", "value=\"2023-05-17\""}));
  EXPECT_FALSE(Has(page, "Point one, amended"));
  // 01:30 in Copenhagen on the 17th is 23:30Z on the 16th: nothing submitted yet.
  HttpResponse early = AsAuditor("/audit/record?consultation=h1&date=2023-05-17&time=01%3A30");
  ASSERT_EQ(early.status, 200);
  EXPECT_FALSE(Has(early, "Point one"));
}

TEST_F(AuditRecordPageTest, ErrorsAreShownAtTheirFieldWithTheInputKept) {
  // A bad query: its status, the field its error stands at (and is linked to
  // from the summary), and the input the form keeps.
  struct BadQuery {
    std::string query;
    int status;
    std::string field;
    std::vector<std::string> kept;
  };
  const std::vector<BadQuery> cases = {
      {"consultation=h1&position=12x", 400, "position", {"12x", "h1"}},
      {"consultation=h1&position=99999", 404, "position", {}},
      {"consultation=nope&position=1", 404, "consultation", {"nope"}},
      {"consultation=h1&date=17-05-2023&time=12%3A00", 400, "date", {"17-05-2023"}},
      {"consultation=h1", 422, "position", {}},
      {"position=3", 422, "consultation", {}},
  };
  for (const BadQuery& c : cases) {
    SCOPED_TRACE(c.query);
    HttpResponse page = AsAuditor("/audit/record?" + c.query);
    EXPECT_EQ(page.status, c.status);
    EXPECT_TRUE(Has(page, "id=\"" + c.field + "-error\""));
    EXPECT_TRUE(Has(page, "href=\"#" + c.field + "\""));
    for (const std::string& value : c.kept) EXPECT_TRUE(Has(page, "value=\"" + value + "\""));
  }

  HttpResponse at = AsAuditor("/audit/record?consultation=h1&at=yesterday");
  EXPECT_EQ(at.status, 400);
  EXPECT_FALSE(Has(at, "Agreed in full"));
}

}  // namespace
}  // namespace hoering::testing
