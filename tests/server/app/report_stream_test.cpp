// The streamed report route (routes_report.cpp): the body is the whole
// report, byte for byte, in every format and language, over many chunks; the
// passes read the responses as of one position; a client that leaves in the
// middle does not hold the blocking pool.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "domain/consultations/report_render.h"
#include "server/app/report_language.h"
#include "server/app/report_query.h"
#include "server/http/problem.h"
#include "tests/server/app/consultation_fixture.h"
#include "tests/support/is_problem.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;
using testing::IsProblem;
namespace cs = consultations;

constexpr std::size_t kChunk = 64 * 1024;

access::Principal Admin() {
  access::Principal p;
  p.role = access::Role::kAdmin;
  return p;
}

class ReportStreamTest : public ConsultationTest {
 protected:
  // `n` responses of about 1.5 KB from the three parties, one in five
  // private, every seventh withdrawn.
  void SubmitMany(int n) {
    const std::string filler(400, 'x');
    for (int i = 0; i < n; ++i) {
      const char* party = i % 3 == 0 ? "aarhus" : i % 3 == 1 ? "plo" : "panel";
      nlohmann::json body = ResponseBody(party, i % 5 == 0 ? "private" : "public");
      for (auto& p : body["points"]) p["text"] = "Point " + std::to_string(i) + " " + filler;
      auto r = admin_->Call(Verb::post, "/v1/consultations/h1/responses", body);
      ASSERT_TRUE(r.ok()) << r.error().detail;
      const std::string id = r->body["response"].get<std::string>();
      if (i % 7 == 3) {
        ASSERT_TRUE(admin_
                        ->Call(Verb::post, "/v1/consultations/h1/responses/" + id + "/withdraw",
                               {{"reason", "merged"}})
                        .ok());
      }
    }
  }

  void WaitForViews(std::uint64_t position) {
    for (int i = 0; i < 500 && server_->app().views().position() < position; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_GE(server_->app().views().position(), position);
  }

  std::string Get(const std::string& query, const std::string& token = "") {
    auto api = token.empty() ? server_->Client() : As(token);
    auto r = api.CallRaw(Verb::get, "/v1/consultations/h1/report?" + query, "", "");
    EXPECT_TRUE(r.ok()) << query << ": " << (r.ok() ? "" : r.error().detail);
    if (!r.ok()) return "";
    EXPECT_EQ(r->status, 200) << query;
    EXPECT_FALSE(r->headers.Has("Content-Length")) << query;
    return r->raw;
  }
};

TEST_F(ReportStreamTest, TheStreamedBodyIsTheWholeReportInEveryFormatAndLanguage) {
  SubmitMany(150);
  now_->store(kCloses + kDay);
  auto whole = app::ReportFor(server_->app().context(), Admin(), "h1");
  ASSERT_TRUE(whole.ok()) << whole.status().detail();
  ASSERT_EQ((*whole)["responses"].size(), 150u);

  const std::string json = Get("format=json");
  EXPECT_GT(json.size(), 3 * kChunk);  // several chunks
  EXPECT_EQ(json, http::DumpJson(*whole));
  EXPECT_EQ(Get("format=csv"), cs::RenderReportCsv(*whole));
  for (web::Language lang : {web::Language::kDanish, web::Language::kEnglish}) {
    const std::string code(web::Code(lang));
    const cs::ReportLabels& labels = app::ReportLabelsIn(lang);
    EXPECT_EQ(Get("format=md&lang=" + code), cs::RenderReportMarkdown(*whole, labels)) << code;
    EXPECT_EQ(Get("format=html&lang=" + code), cs::RenderReportHtml(*whole, labels)) << code;
  }
  // An anonymous reader after the close: private and withdrawn ones withheld.
  auto anonymous = app::ReportFor(server_->app().context(), access::Principal{}, "h1");
  ASSERT_TRUE(anonymous.ok());
  EXPECT_GT((*anonymous)["withheld"].get<int>(), 0);
  auto got = Anonymous().CallRaw(Verb::get, "/v1/consultations/h1/report?format=json", "", "");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->raw, http::DumpJson(*anonymous));
}

TEST_F(ReportStreamTest, HeadersAndErrorsBeforeTheFirstByte) {
  SubmitMany(3);
  auto csv = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=csv", "", "");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->headers.Get("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->headers.Get("Content-Disposition"), "attachment; filename=\"h1-report.csv\"");
  EXPECT_FALSE(csv->headers.Has("Content-Language"));
  auto md = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=md&lang=da", "", "");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md->headers.Get("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(md->headers.Get("Content-Language"), "da");
  EXPECT_EQ(md->headers.Get("Vary"), "Accept-Language");
  auto json = admin_->Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->headers.Get("Content-Type"), "application/json");
  EXPECT_EQ(json->body["responses"].size(), 3u);

  auto missing = admin_->CallRaw(Verb::get, "/v1/consultations/nope/report?format=md", "", "");
  ASSERT_TRUE(IsProblem(missing, 404, "urn:hoering:consultation-not-found"));
  auto bad = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=pdf", "", "");
  EXPECT_EQ(bad.error().status, 400);
  auto lang = admin_->CallRaw(Verb::get, "/v1/consultations/h1/report?format=md&lang=fr", "", "");
  EXPECT_EQ(lang.error().type, "urn:hoering:invalid-query");
}

TEST_F(ReportStreamTest, PassesReadTheResponsesAsOfOnePosition) {
  auto first = admin_->Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("aarhus"));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->position.has_value());
  const std::uint64_t as_of = *first->position;
  const std::string r1 = first->body["response"].get<std::string>();
  nlohmann::json amended = ResponseBody("aarhus");
  amended["summary"] = "Amended";
  ASSERT_TRUE(admin_->Call(Verb::put, "/v1/consultations/h1/responses/" + r1, amended).ok());
  auto second = admin_->Call(Verb::post, "/v1/consultations/h1/responses", ResponseBody("plo"));
  ASSERT_TRUE(second.ok());
  WaitForViews(*second->position);

  auto& ctx = server_->app().context();
  std::vector<std::string> seen;
  std::vector<std::uint32_t> revisions;
  auto visit = [&](const cs::ResponseState& r) {
    seen.push_back(r.id());
    revisions.push_back(r.current().revision);
    return Status::Ok();
  };
  ASSERT_TRUE(app::ForEachResponseOf(ctx, "h1", as_of, visit).ok());
  EXPECT_EQ(seen, std::vector<std::string>({r1}));
  EXPECT_EQ(revisions, std::vector<std::uint32_t>({1}));  // the amendment came later
  seen.clear();
  revisions.clear();
  ASSERT_TRUE(app::ForEachResponseOf(ctx, "h1", *second->position, visit).ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(revisions[0], 2u);
  // With the responses kept by the response cache: the kept state is taken
  // when it stood still since `as_of`, else the stream is folded up to it.
  ASSERT_TRUE(ctx.response_cache.Load(r1).ok());
  const cs::ResponseState* kept = ctx.response_cache.Kept(r1).get();
  ASSERT_NE(kept, nullptr);
  std::vector<const cs::ResponseState*> states;
  auto visit_state = [&](const cs::ResponseState& r) {
    states.push_back(&r);
    revisions.push_back(r.current().revision);
    return Status::Ok();
  };
  revisions.clear();
  ASSERT_TRUE(app::ForEachResponseOf(ctx, "h1", as_of, visit_state).ok());
  EXPECT_EQ(revisions, std::vector<std::uint32_t>({1}));
  EXPECT_NE(states[0], kept) << "the kept state moved after as_of: folded";
  states.clear();
  revisions.clear();
  ASSERT_TRUE(app::ForEachResponseOf(ctx, "h1", *second->position, visit_state).ok());
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0], kept);
  EXPECT_EQ(revisions[0], 2u);
  // A visitor's error stops the walk and is returned.
  int calls = 0;
  Status stop = app::ForEachResponseOf(ctx, "h1", *second->position, [&](const auto&) {
    ++calls;
    return Status(Code::kInternal, "stop");
  });
  EXPECT_EQ(stop.code(), Code::kInternal);
  EXPECT_EQ(calls, 1);
}

// The second pass reads the states the first kept (up to
// kKeptBetweenPasses responses) or folds the responses again (more): either
// way every response the cursor finds is in the report once, in its order.
TEST_F(ReportStreamTest, BothPassesSeeTheSameResponsesSmallAndLarge) {
  auto& ctx = server_->app().context();
  for (std::size_t total : {std::size_t{10}, app::ReportPasses::kKeptBetweenPasses + 8}) {
    SubmitMany(static_cast<int>(total - ctx.views.responses()->CountsOf("h1")->submitted));
    WaitForViews(server_->store().Head().position);
    std::vector<std::string> cursor_order;
    ASSERT_TRUE(
        app::ForEachResponseOf(ctx, "h1", ctx.views.position(), [&](const cs::ResponseState& r) {
          cursor_order.push_back(r.id());
          return Status::Ok();
        }).ok());
    ASSERT_EQ(cursor_order.size(), total);
    auto report = app::ReportFor(ctx, Admin(), "h1");
    ASSERT_TRUE(report.ok()) << report.status().detail();
    std::vector<std::string> report_order;
    for (const auto& entry : (*report)["responses"]) report_order.push_back(entry["id"]);
    EXPECT_EQ(report_order, cursor_order) << total << " responses";
    EXPECT_EQ(Get("format=json"), http::DumpJson(*report)) << total << " responses";
  }
}

// Sends a GET for the report and reads only `bytes` of the answer, then closes.
std::size_t ReadSomeAndLeave(int port, std::size_t bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::size_t got = 0;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    const std::string req =
        "GET /v1/consultations/h1/report?format=json HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\nAuthorization: Bearer " +
        std::string(testing::kAdminToken) + "\r\n\r\n";
    if (::send(fd, req.data(), req.size(), 0) == static_cast<ssize_t>(req.size())) {
      char buf[4096];
      while (got < bytes) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
      }
    }
  }
  ::close(fd);
  return got;
}

TEST_F(ReportStreamTest, AClientThatLeavesDoesNotHoldThePool) {
  SubmitMany(150);
  const int port = std::stoi(server_->url().substr(server_->url().rfind(':') + 1));
  for (int i = 0; i < 4; ++i) EXPECT_GE(ReadSomeAndLeave(port, 1000), 1000u);
  // The pool runs one job at a time: a stuck producer would stall these.
  auto whole = admin_->Call(Verb::get, "/v1/consultations/h1/report?format=json");
  ASSERT_TRUE(whole.ok()) << whole.error().detail;
  EXPECT_EQ(whole->body["responses"].size(), 150u);
  EXPECT_TRUE(admin_->Call(Verb::get, "/v1/verify").ok());
}

}  // namespace
}  // namespace hoering
