// The typed Api calls against the scripted FakeServer: each sends its
// route's method, target (path segments and query values percent-encoded),
// JSON body and Accept header.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include "client/lib/api.h"
#include "fake_server.h"

namespace hoering::client {
namespace {

using nlohmann::json;

struct RouteCase {
  std::string name;
  std::function<bool(Api&)> call;  // true when the call succeeded
  std::string method, target;
  json body;                // the JSON body sent; null: none expected
  std::string accept = {};  // "" = the default application/json
};

template <class T>
std::function<bool(Api&)> Ok(std::function<Expected<T>(Api&)> call) {
  return [call](Api& api) { return call(api).ok(); };
}

std::vector<RouteCase> Cases() {
  using R = Expected<ApiResult>;
  using L = Expected<std::vector<json>>;
  const PointRef point{"c 1", "r/1", 2};
  return {
      {"CreateAgreement",
       Ok<ApiResult>([](Api& a) -> R {
         return a.CreateAgreement({"sa", "SA", "", 4, "2024-01-01", {"p1"}});
       }),
       "POST",
       "/v1/agreements",
       {{"id", "sa"},
        {"title", "SA"},
        {"term", {{"years", 4}, {"entry_into_force", "2024-01-01"}}},
        {"parties", {"p1"}}}},
      {"ListAgreements", Ok<std::vector<json>>([](Api& a) -> L { return a.ListAgreements(5); }),
       "GET", "/v1/agreements?limit=5", nullptr},
      {"GetAgreement", Ok<ApiResult>([](Api& a) -> R { return a.GetAgreement("s/a", "time:x y"); }),
       "GET", "/v1/agreements/s%2Fa?at=time:x%20y", nullptr},
      {"GetAgreementMarkdown",
       Ok<ApiResult>([](Api& a) -> R { return a.GetAgreementMarkdown("sa"); }), "GET",
       "/v1/agreements/sa?format=md", nullptr, "text/markdown, application/json;q=0.5"},
      {"RecordChange",
       Ok<ApiResult>([](Api& a) -> R {
         const std::vector<json> ops = {json{{"op", "remove"}}};
         return a.RecordChange("sa", ChangeSetInput{"why", {{"r-1", "2"}}, ops});
       }),
       "POST",
       "/v1/agreements/sa/changes",
       {{"rationale", "why"},
        {"cites", {{{"response", "r-1"}, {"point", "2"}}}},
        {"ops", json::array({json{{"op", "remove"}}})}}},
      {"RecordChangeDocument",
       Ok<ApiResult>([](Api& a) -> R {
         return a.RecordChange("sa", json{{"x", 1}});
       }),
       "POST",
       "/v1/agreements/sa/changes",
       {{"x", 1}}},
      {"PublishVersion",
       Ok<ApiResult>([](Api& a) -> R {
         return a.PublishVersion("sa", {"final", ""});
       }),
       "POST",
       "/v1/agreements/sa/versions",
       {{"label", "final"}, {"note", ""}}},
      {"ListVersions", Ok<std::vector<json>>([](Api& a) -> L { return a.ListVersions("sa"); }),
       "GET", "/v1/agreements/sa/versions", nullptr},
      {"DiffVersionsText",
       Ok<ApiResult>([](Api& a) -> R { return a.DiffVersions("sa", "1", "final", "text", true); }),
       "GET", "/v1/agreements/sa/diff?from=1&to=final&format=text&color=1", nullptr,
       "text/plain, application/problem+json"},
      {"DiffVersionsJson",
       Ok<ApiResult>([](Api& a) -> R { return a.DiffVersions("sa", "1", "2", "json"); }), "GET",
       "/v1/agreements/sa/diff?from=1&to=2", nullptr},
      {"ChangeLog", Ok<ApiResult>([](Api& a) -> R { return a.ChangeLog("sa", "1", "current"); }),
       "GET", "/v1/agreements/sa/changes?from=1&to=current", nullptr},
      {"Ratification", Ok<ApiResult>([](Api& a) -> R { return a.Ratification("sa", "final"); }),
       "GET", "/v1/agreements/sa/ratification?version=final", nullptr},
      {"Obligations", Ok<ApiResult>([](Api& a) -> R { return a.Obligations("sa"); }), "GET",
       "/v1/agreements/sa/obligations", nullptr},
      {"MarkObligationDone",
       Ok<ApiResult>([](Api& a) -> R { return a.MarkObligationDone("sa", "review 1", "minutes"); }),
       "POST",
       "/v1/agreements/sa/obligations/review%201/done",
       {{"evidence", "minutes"}}},
      {"OpenConsultation",
       Ok<ApiResult>([](Api& a) -> R {
         return a.OpenConsultation({"h1",
                                    "sa",
                                    "2",
                                    "H",
                                    "2024-01-01T00:00:00Z",
                                    "2024-02-01T00:00:00Z",
                                    {"p1", "p2"},
                                    ""});
       }),
       "POST",
       "/v1/consultations",
       {{"id", "h1"},
        {"agreement", "sa"},
        {"version", 2},
        {"title", "H"},
        {"opens_at", "2024-01-01T00:00:00Z"},
        {"closes_at", "2024-02-01T00:00:00Z"},
        {"invited", {"p1", "p2"}}}},
      {"ExtendConsultation",
       Ok<ApiResult>([](Api& a) -> R { return a.ExtendConsultation("h1", "2024-03-01", "late"); }),
       "POST",
       "/v1/consultations/h1/extend",
       {{"closes_at", "2024-03-01"}, {"reason", "late"}}},
      {"CloseConsultation",
       Ok<ApiResult>([](Api& a) -> R { return a.CloseConsultation("h1", std::nullopt); }), "POST",
       "/v1/consultations/h1/close", json::object()},
      {"GetConsultation", Ok<ApiResult>([](Api& a) -> R { return a.GetConsultation("h?1"); }),
       "GET", "/v1/consultations/h%3F1", nullptr},
      {"ListConsultations",
       Ok<std::vector<json>>([](Api& a) -> L { return a.ListConsultations("s&a"); }), "GET",
       "/v1/consultations?agreement=s%26a", nullptr},
      {"ConsultationReport",
       Ok<ApiResult>([](Api& a) -> R { return a.ConsultationReport("h1", "csv"); }), "GET",
       "/v1/consultations/h1/report?format=csv", nullptr, "text/csv, application/problem+json"},
      {"SubmitResponse", Ok<ApiResult>([](Api& a) -> R {
         return a.SubmitResponse("h1", {json{{"party", "p1"}}, "power cut"});
       }),
       "POST", "/v1/consultations/h1/responses",
       json{{"party", "p1"}, {"accept_late", {{"reason", "power cut"}}}}},
      {"AmendResponse",
       Ok<ApiResult>([](Api& a) -> R {
         return a.AmendResponse("h1", "r-1", {json{{"x", 1}}, ""});
       }),
       "PUT",
       "/v1/consultations/h1/responses/r-1",
       {{"x", 1}}},
      {"WithdrawResponse",
       Ok<ApiResult>([](Api& a) -> R { return a.WithdrawResponse("h1", "r-1", "no longer"); }),
       "POST",
       "/v1/consultations/h1/responses/r-1/withdraw",
       {{"reason", "no longer"}}},
      {"GetResponse", Ok<ApiResult>([](Api& a) -> R { return a.GetResponse("h1", "r-1"); }), "GET",
       "/v1/consultations/h1/responses/r-1", nullptr},
      {"ResponseRevisions",
       Ok<ApiResult>([](Api& a) -> R { return a.ResponseRevisions("h1", "r-1"); }), "GET",
       "/v1/consultations/h1/responses/r-1/revisions", nullptr},
      {"ListResponses",
       Ok<std::vector<json>>([](Api& a) -> L { return a.ListResponses("h1", "p1"); }), "GET",
       "/v1/consultations/h1/responses?party=p1", nullptr},
      {"SetDisposition",
       Ok<ApiResult>([point](Api& a) -> R {
         return a.SetDisposition(point, {"accepted", "good", {"c-1"}});
       }),
       "PUT",
       "/v1/consultations/c%201/responses/r%2F1/points/2/disposition",
       {{"outcome", "accepted"}, {"rationale", "good"}, {"changes", {"c-1"}}}},
      {"GetDisposition", Ok<ApiResult>([point](Api& a) -> R { return a.GetDisposition(point); }),
       "GET", "/v1/consultations/c%201/responses/r%2F1/points/2/disposition", nullptr},
      {"IssueInvitation",
       Ok<ApiResult>([](Api& a) -> R { return a.IssueInvitation("c 1", "aarhus"); }),
       "POST",
       "/v1/consultations/c%201/invitations",
       {{"party", "aarhus"}}},
      {"ListInvitations",
       Ok<std::vector<json>>([](Api& a) -> L { return a.ListInvitations("c 1"); }), "GET",
       "/v1/consultations/c%201/invitations", nullptr},
      {"RevokeInvitation",
       Ok<ApiResult>([](Api& a) -> R { return a.RevokeInvitation("h1", "inv-1", "lost"); }),
       "DELETE",
       "/v1/consultations/h1/invitations/inv-1",
       {{"reason", "lost"}}},
      {"RevokeInvitationWithoutReason",
       Ok<ApiResult>([](Api& a) -> R { return a.RevokeInvitation("h1", "inv-1", std::nullopt); }),
       "DELETE", "/v1/consultations/h1/invitations/inv-1", nullptr},
      {"RecordDecisionDocument",
       Ok<ApiResult>([](Api& a) -> R {
         return a.RecordDecision(json{{"id", "x"}}, "d-1");
       }),
       "POST",
       "/v1/decisions",
       {{"id", "d-1"}}},
      {"GetDecision", Ok<ApiResult>([](Api& a) -> R { return a.GetDecision("d-1"); }), "GET",
       "/v1/decisions/d-1", nullptr},
      {"ListDecisions", Ok<std::vector<json>>([](Api& a) -> L { return a.ListDecisions(); }), "GET",
       "/v1/decisions", nullptr},
      {"FulfilCondition",
       Ok<ApiResult>([](Api& a) -> R { return a.FulfilCondition("d-1", 3, "sent"); }),
       "POST",
       "/v1/decisions/d-1/conditions/3/fulfil",
       {{"evidence", "sent"}}},
      {"TraceDecision", Ok<ApiResult>([](Api& a) -> R { return a.TraceDecision("d-1"); }), "GET",
       "/v1/trace/decisions/d-1", nullptr},
      {"TraceResponse", Ok<ApiResult>([](Api& a) -> R { return a.TraceResponse("r-1"); }), "GET",
       "/v1/trace/responses/r-1", nullptr},
      {"VerifyReceipt", Ok<ApiResult>([](Api& a) -> R { return a.VerifyReceipt(7, "ab"); }), "GET",
       "/v1/receipts/verify?position=7&hash=ab", nullptr},
  };
}

TEST(ApiRoutesTest, EachTypedCallSendsItsRoute) {
  FakeServer server([](const FakeRequest&) { return Json(200, R"({"items":[],"next":null})"); });
  auto api = Api::Connect(server.url(), "secret");
  ASSERT_TRUE(api.ok());
  const std::vector<RouteCase> cases = Cases();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const RouteCase& c = cases[i];
    SCOPED_TRACE(c.name);
    ASSERT_TRUE(c.call(*api));
    ASSERT_EQ(server.requests().size(), i + 1);
    FakeRequest req = server.requests().back();
    EXPECT_EQ(req.method, c.method);
    EXPECT_EQ(req.target, c.target);
    if (c.body.is_null()) {
      EXPECT_EQ(req.body, "");
    } else {
      EXPECT_EQ(json::parse(req.body, nullptr, false), c.body) << req.body;
    }
    EXPECT_EQ(req.headers["accept"], c.accept.empty() ? "application/json" : c.accept);
  }
}

TEST(ApiRoutesTest, ImportSendsMarkdownWithTheRationaleInTheQuery) {
  FakeServer server([](const FakeRequest&) { return Json(201, R"({"change":"c-1"})"); });
  auto api = Api::Connect(server.url());
  ASSERT_TRUE(api.ok());
  CallOptions options;
  options.if_match = "\"3\"";
  ASSERT_TRUE(api->ImportAgreementMarkdown("sa", "# Aftale\n", "first text", options).ok());
  FakeRequest req = server.requests().at(0);
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/v1/agreements/sa/import?rationale=first%20text");
  EXPECT_EQ(req.body, "# Aftale\n");
  EXPECT_EQ(req.headers["content-type"], "text/markdown");
  EXPECT_EQ(req.headers["if-match"], "\"3\"");
}

TEST(ApiRoutesTest, FilteredListsFollowTheCursorAndKeepTheFilter) {
  FakeServer server([](const FakeRequest& r) {
    if (r.target.find("after=") == std::string::npos) {
      return Json(200, R"({"items":[{"id":"d1"}],"next":"d1"})");
    }
    return Json(200, R"({"items":[{"id":"d2"}],"next":null})");
  });
  auto api = Api::Connect(server.url());
  ASSERT_TRUE(api.ok());
  auto items = api->ListDecisions("sa");
  ASSERT_TRUE(items.ok()) << Describe(items.error());
  EXPECT_EQ(items->size(), 2u);
  ASSERT_EQ(server.requests().size(), 2u);
  EXPECT_EQ(server.requests().at(0).target, "/v1/decisions?agreement=sa");
  EXPECT_EQ(server.requests().at(1).target, "/v1/decisions?agreement=sa&after=d1");
}

}  // namespace
}  // namespace hoering::client
