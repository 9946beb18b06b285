// Every JSON write route against the inputs a hostile client sends: numbers
// that overflow a double, a value of the wrong type at every field, every
// required field left out. Each answer must be a 4xx problem+json and the
// log head must not move. The valid body of each route is sent last and must
// succeed, so the table itself is known to be right.
//
// The cases double as the seed corpus for in-repository fuzzing
// (tests/server/app/hostile_cases.h).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <set>

#include "tests/server/app/consultation_fixture.h"
#include "tests/server/app/hostile_cases.h"
#include "tests/support/is_problem.h"

namespace hoering {
namespace {

using client::Verb;
using nlohmann::json;
using testing::ConsultationTest;
using testing::IsProblem;

struct WriteRoute {
  std::string name;
  Verb verb;
  std::string target;
  json body;
  // Object members that may be left out (JSON pointers); every other member
  // is required. Their defaults are documented in docs/api.md.
  std::set<std::string> optional;
  bool needs_if_match = false;
};

class HostileInputTest : public ConsultationTest {
 protected:
  void SetUp() override {
    ConsultationTest::SetUp();
    response_ = Submit(aarhus_, ResponseBody("aarhus"));
    ASSERT_FALSE(response_.empty());
    ASSERT_TRUE(admin_
                    ->Call(Verb::post, "/v1/agreements",
                           {{"id", "termed"},
                            {"title", "With a term"},
                            {"term", {{"entry_into_force", "2024-01-01"}, {"years", 4}}},
                            {"parties", {"aarhus"}}})
                    .ok());
    auto decided = admin_->Call(Verb::post, "/v1/decisions", DecisionBody("d0"));
    ASSERT_TRUE(decided.ok()) << decided.error().detail;
  }

  static json DecisionBody(const std::string& id) {
    return {{"id", id},
            {"body", {{"name", "SSU"}, {"party", "aarhus"}}},
            {"meeting_date", "2023-09-29"},
            {"case_ref", "1-30-72-1-23"},
            {"subject", {{"agreement", "sa"}, {"version", 1}}},
            {"outcome", "approved_with_conditions"},
            {"final_for_party", true},
            {"conditions", {{{"text", "Report back"}, {"party", "aarhus"}, {"due", "2024-06-01"}}}},
            {"recommendations", {"Follow up"}},
            {"basis", {{"consultations", {"h1"}}, {"responses", json::array()}}},
            {"absent", {"A. Member"}},
            {"note", "n"}};
  }

  std::vector<WriteRoute> Routes() const {
    const std::string responses = "/v1/consultations/h1/responses";
    const std::string response = responses + "/" + response_;
    json amended = ResponseBody("aarhus");
    amended["attachments"] = {{{"filename", "figure.png"},
                               {"media_type", "image/png"},
                               {"content_base64", "iVBORw0KGgoAAAAAAAAAAA=="}}};
    // Withdrawing and closing change what later routes may do: they come last.
    return {
        {"parties",
         Verb::post,
         "/v1/parties",
         {{"id", "newparty"}, {"name", "New Party"}, {"kind", "organisation"}},
         {}},
        {"tokens",
         Verb::post,
         "/v1/admin/tokens",
         {{"role", "stakeholder"}, {"party", "plo"}, {"label", "PLO officer"}},
         {"/party"}},
        {"agreements",
         Verb::post,
         "/v1/agreements",
         {{"id", "sb"},
          {"title", "Title"},
          {"subtitle", "Sub"},
          {"term", {{"entry_into_force", "2024-01-01"}, {"years", 4}}},
          {"parties", {"aarhus"}}},
         {"/subtitle", "/term", "/term/entry_into_force", "/term/years", "/parties"}},
        {"changes",
         Verb::post,
         "/v1/agreements/sa/changes",
         {{"rationale", "From the consultation"},
          {"cites", {{{"response", response_}, {"point", 1}}}},
          {"ops",
           {{{"op", "add"},
             {"section", {{"id", "new-1"}, {"kind", "text"}, {"heading", "H"}, {"body", "B"}}},
             {"parent", "kap-1"}}}}},
         {"/cites", "/ops/0/section/id", "/ops/0/section/body", "/ops/0/parent"}},
        {"versions",
         Verb::post,
         "/v1/agreements/sa/versions",
         {{"label", "v2"}, {"note", "n"}},
         {"/note"}},
        {"consultations", Verb::post, "/v1/consultations", OpenBody("h9"), {}},
        {"invitations", Verb::post, "/v1/consultations/h1/invitations", {{"party", "plo"}}, {}},
        {"extend",
         Verb::post,
         "/v1/consultations/h1/extend",
         {{"closes_at", FormatRfc3339(kCloses + kDay)}, {"reason", "Summer"}},
         {}},
        {"submit",
         Verb::post,
         responses,
         ResponseBody("plo"),
         {"/summary", "/author/email", "/points/0/section", "/points/0/quote",
          "/points/1/section"}},
        {"amend",
         Verb::put,
         response,
         amended,
         {"/summary", "/author/email", "/points/0/section", "/points/0/quote", "/points/1/section",
          "/attachments"},
         true},
        {"disposition",
         Verb::put,
         response + "/points/1/disposition",
         {{"outcome", "noted"}, {"rationale", "Thanks"}, {"changes", json::array()}},
         {"/changes"}},
        {"decisions",
         Verb::post,
         "/v1/decisions",
         DecisionBody("d1"),
         {"/case_ref", "/note", "/conditions", "/recommendations", "/basis", "/basis/consultations",
          "/basis/responses", "/absent"}},
        {"fulfil",
         Verb::post,
         "/v1/decisions/d0/conditions/1/fulfil",
         {{"evidence", "Minutes"}},
         {}},
        {"obligation",
         Verb::post,
         "/v1/agreements/termed/obligations/review-2025/done",
         {{"evidence", "Minutes"}},
         {}},
        {"withdraw",
         Verb::post,
         response + "/withdraw",
         {{"reason", "Sent by mistake"}},
         {"/reason"}},
    };
  }

  // Sends `text` as the body of `route`; expects a 4xx problem and no write.
  void ExpectRefused(const WriteRoute& route, const std::string& text, const std::string& what) {
    const auto head = server_->store().Head().position;
    client::CallOptions options;
    if (route.needs_if_match) options.if_match = ETag(route.target);
    auto r = admin_->CallRaw(route.verb, route.target, text, "application/json", options);
    ASSERT_FALSE(r.ok()) << route.name << ": " << what << " was accepted: " << text;
    EXPECT_GE(r.error().status, 400) << route.name << ": " << what;
    EXPECT_LT(r.error().status, 500) << route.name << ": " << what << ": " << r.error().detail;
    EXPECT_EQ(r.error().type.rfind("urn:hoering:", 0), 0u) << route.name << ": " << what;
    EXPECT_EQ(r.error().type.rfind("urn:hoering:client:", 0), std::string::npos)
        << route.name << ": " << what;
    EXPECT_EQ(server_->store().Head().position, head) << route.name << ": " << what << " wrote";
  }

  std::string ETag(const std::string& target) {
    auto r = admin_->Call(Verb::get, target);
    return r.ok() ? r->etag : "";
  }

  std::string response_;
};

TEST_F(HostileInputTest, EveryJsonWriteRouteRefusesHostileBodiesAndWritesNothing) {
  std::size_t cases = 0;
  for (const WriteRoute& route : Routes()) {
    SCOPED_TRACE(route.name);
    for (const std::string& number : testing::kOverflowNumbers) {
      ExpectRefused(route, testing::WithExtraMember(route.body, number), "extra member " + number);
      for (const std::string& pointer : testing::LeafPointers(route.body)) {
        ExpectRefused(route, testing::WithRawValue(route.body, pointer, number),
                      number + " at " + pointer);
        ++cases;
      }
    }
    for (const std::string& pointer : testing::AllPointers(route.body)) {
      json wrong = route.body;
      wrong[json::json_pointer(pointer)] =
          testing::WrongTypeFor(wrong[json::json_pointer(pointer)]);
      ExpectRefused(route, wrong.dump(), "a wrong type at " + pointer);
      ++cases;
    }
    for (const std::string& pointer : testing::MemberPointers(route.body)) {
      if (route.optional.count(pointer) != 0) continue;
      ExpectRefused(route, testing::Without(route.body, pointer).dump(), "without " + pointer);
      ++cases;
    }
    client::CallOptions options;
    if (route.needs_if_match) options.if_match = ETag(route.target);
    auto valid = admin_->Call(route.verb, route.target, route.body, options);
    ASSERT_TRUE(valid.ok()) << route.name
                            << ": the valid body was refused: " << valid.error().detail;
  }
  EXPECT_GT(cases, 300u);
}

TEST_F(HostileInputTest, DecisionWithoutFinalForPartyNamesTheField) {
  json body = DecisionBody("d2");
  body.erase("final_for_party");
  auto r = admin_->Call(Verb::post, "/v1/decisions", body);
  ASSERT_TRUE(IsProblem(r, 400, "urn:hoering:invalid-field"));
  EXPECT_NE(r.error().detail.find("final_for_party"), std::string::npos) << r.error().detail;
}

TEST_F(HostileInputTest, AnOverflowingNumberNamesItsPlace) {
  auto r = admin_->CallRaw(Verb::post, "/v1/parties",
                           R"({"id":"x","name":"n","kind":"region","note":{"a":[1,1e999]}})",
                           "application/json");
  ASSERT_TRUE(IsProblem(r, 400, "urn:hoering:number-out-of-range"));
  EXPECT_NE(r.error().detail.find("/note/a/1"), std::string::npos) << r.error().detail;
  EXPECT_NE(r.error().detail.find("1e999"), std::string::npos) << r.error().detail;
}

std::string UrlEncode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

TEST_F(HostileInputTest, NumericHeadersAndParametersRefuseWhatIsNotAPosition) {
  const auto head = server_->store().Head().position;
  const std::string response = "/v1/consultations/h1/responses/" + response_;
  const std::string etag = ETag(response);
  auto expect_400 = [&](Verb verb, const std::string& target, const client::CallOptions& options,
                        const json& body, const std::string& what) {
    auto r = admin_->Call(verb, target, body, options);
    ASSERT_FALSE(r.ok()) << what << " was accepted";
    EXPECT_EQ(r.error().status, 400) << what << ": " << r.error().detail;
  };
  for (const std::string& bad : testing::kBadDecimals) {
    SCOPED_TRACE("value '" + bad.substr(0, 24) + "'");
    const std::string q = UrlEncode(bad);
    for (const std::string& target :
         {"/v1/events?from=" + q, "/v1/events?limit=" + q, "/v1/consultations?limit=" + q,
          "/v1/events/live?from=" + q, "/v1/agreements/sa?at=position:" + q,
          "/v1/consultations/h1/responses?limit=" + q,
          "/v1/consultations/h1/invitations?limit=" + q}) {
      expect_400(Verb::get, target, {}, nullptr, target);
    }
    // Header values lose leading white space (RFC 9110 OWS): " 5" is 5 there.
    if (!bad.empty() && bad.front() == ' ') continue;
    client::CallOptions header;
    header.headers.Set("Last-Event-ID", bad);
    expect_400(Verb::get, "/v1/events/live", header, nullptr, "Last-Event-ID");
    client::CallOptions min_position;
    min_position.headers.Set("X-Min-Position", bad);
    expect_400(Verb::get, "/v1/parties", min_position, nullptr, "X-Min-Position");
    client::CallOptions if_match;
    if_match.if_match = "\"" + bad + "\"";
    expect_400(Verb::put, response, if_match, ResponseBody("aarhus"), "If-Match");
    if (!bad.empty()) {
      auto point =
          admin_->Call(Verb::put, response + "/points/" + q + "/disposition",
                       {{"outcome", "noted"}, {"rationale", "r"}, {"changes", json::array()}});
      ASSERT_FALSE(point.ok());
      EXPECT_EQ(point.error().status, 400) << point.error().detail;
      auto condition = admin_->Call(Verb::post, "/v1/decisions/d0/conditions/" + q + "/fulfil",
                                    {{"evidence", "e"}});
      ASSERT_FALSE(condition.ok());
      EXPECT_EQ(condition.error().status, 400) << condition.error().detail;
    }
  }
  // The largest value is in range: answered as such, never wrapped.
  auto events = admin_->Call(Verb::get, "/v1/events?from=" + testing::kMaxUint64);
  ASSERT_TRUE(events.ok()) << events.error().detail;
  EXPECT_TRUE(events->body["items"].empty());
  client::CallOptions min_position;
  min_position.headers.Set("X-Min-Position", testing::kMaxUint64);
  EXPECT_EQ(admin_->Call(Verb::get, "/v1/parties", nullptr, min_position).error().status, 412);
  client::CallOptions if_match;
  if_match.if_match = "\"" + testing::kMaxUint64 + "\"";
  EXPECT_EQ(admin_->Call(Verb::put, response, ResponseBody("aarhus"), if_match).error().status,
            412);
  auto at = admin_->Call(Verb::get, "/v1/agreements/sa?at=position:" + testing::kMaxUint64);
  EXPECT_TRUE(at.ok() || at.error().status < 500);
  EXPECT_EQ(server_->store().Head().position, head);
  EXPECT_EQ(ETag(response), etag);
}

// Last-Event-ID at the largest position: nothing can follow it, so the tail
// sends its head and then waits; a wrap to 0 would replay the whole log.
TEST_F(HostileInputTest, LastEventIdAtTheLargestPositionReplaysNothing) {
  namespace net = boost::asio;
  const std::string url = server_->url();
  const std::string port = url.substr(url.rfind(':') + 1);
  net::io_context io;
  boost::beast::tcp_stream stream(io);
  net::ip::tcp::resolver resolver(io);
  stream.connect(resolver.resolve("127.0.0.1", port));
  const std::string request = "GET /v1/events/live HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                              std::string(testing::kAdminToken) +
                              "\r\nLast-Event-ID: " + testing::kMaxUint64 + "\r\n\r\n";
  net::write(stream.socket(), net::buffer(request));
  std::string received;
  char buf[4096];
  stream.expires_after(std::chrono::milliseconds(800));
  boost::system::error_code ec;
  while (!ec) {
    std::size_t n = 0;
    stream.async_read_some(net::buffer(buf), [&](boost::system::error_code e, std::size_t got) {
      ec = e;
      n = got;
    });
    io.restart();
    io.run();
    received.append(buf, n);
  }
  EXPECT_NE(received.find("200"), std::string::npos) << received;
  EXPECT_NE(received.find("text/event-stream"), std::string::npos) << received;
  EXPECT_EQ(received.find("id: "), std::string::npos) << "the log was replayed:\n" << received;
}

}  // namespace
}  // namespace hoering
