// The `hoering` commands end to end against the scripted FakeServer.
#include <gtest/gtest.h>

#include <sstream>

#include "client/cli/cli.h"
#include "domain/event_codec.h"
#include "fake_server.h"

namespace hoering::client {
namespace {

using nlohmann::json;

using hoering::testing::CliRun;

FakeReply Problem(int status, const std::string& type, const std::string& title,
                  const std::string& detail) {
  FakeReply r =
      Json(status,
           json{{"type", type}, {"title", title}, {"status", status}, {"detail", detail}}.dump());
  r.content_type = "application/problem+json";
  return r;
}

TEST(CliCommandsTest, PartiesAddPrintsTheRecordAndSendsTheToken) {
  FakeServer server([](const FakeRequest& r) {
    return Json(201, R"({"id":"samsoe","name":"Samsø Kommune","kind":"municipality",)"
                     R"("position":12,"hash":"00ff"})");
  });
  CliRun r = RunCliOn(server, {"parties", "add", "--id", "samsoe", "--name", "Samsø Kommune",
                               "--kind", "municipality"});
  EXPECT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "id:        samsoe\n"
            "name:      Samsø Kommune\n"
            "kind:      municipality\n"
            "position:  12\n"
            "hash:      00ff\n");
  EXPECT_EQ(server.requests().at(0).headers["authorization"], "Bearer t0k");
}

TEST(CliCommandsTest, PartiesListRendersATableOrJson) {
  FakeServer server([](const FakeRequest& r) {
    return Json(200, R"({"items":[{"id":"rm","name":"Region Midtjylland","kind":"region",)"
                     R"("registered_at":"2023-08-25T21:59:59Z"}],"next":null})");
  });
  CliRun table = RunCliOn(server, {"parties", "list"});
  EXPECT_EQ(table.code, kExitOk) << table.err;
  EXPECT_EQ(table.out,
            "ID  NAME                KIND    REGISTERED\n"
            "--  ------------------  ------  --------------------\n"
            "rm  Region Midtjylland  region  2023-08-25T21:59:59Z\n");
  CliRun raw = RunCliOn(server, {"--json", "parties", "list"});
  EXPECT_EQ(raw.code, kExitOk);
  EXPECT_EQ(json::parse(raw.out)[0]["id"], "rm");
}

TEST(CliCommandsTest, ProblemsGoToStderrWithExitCodes) {
  FakeServer server([](const FakeRequest& r) {
    if (r.target == "/v1/parties/ghost") {
      return Problem(404, "urn:hoering:not-found", "Not found", "no party ghost");
    }
    return Problem(503, "urn:hoering:unavailable", "Shutting down", "try again");
  });
  CliRun missing = RunCliOn(server, {"parties", "show", "ghost"});
  EXPECT_EQ(missing.code, kExitRejected);
  EXPECT_TRUE(missing.out.empty());
  EXPECT_NE(missing.err.find("Not found (HTTP 404)"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("no party ghost"), std::string::npos);
  EXPECT_NE(missing.err.find("urn:hoering:not-found"), std::string::npos);
  CliRun down = RunCliOn(server, {"tokens", "list"});
  EXPECT_EQ(down.code, kExitFailed);
  EXPECT_NE(down.err.find("Shutting down"), std::string::npos) << down.err;
}

TEST(CliCommandsTest, TokensIssueShowsTheTokenOnce) {
  FakeServer server([](const FakeRequest& r) {
    return Json(201, R"({"id":"tk1","token":"s3cret","role":"stakeholder","party":"samsoe",)"
                     R"("label":"Samsø","position":5})");
  });
  CliRun r = RunCliOn(server, {"tokens", "issue", "--role", "stakeholder", "--party", "samsoe",
                               "--label", "Samsø"});
  EXPECT_EQ(r.code, kExitOk) << r.err;
  EXPECT_NE(r.out.find("token:     s3cret"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("shown only once"), std::string::npos);
  EXPECT_EQ(json::parse(server.requests().at(0).body),
            (json{{"role", "stakeholder"}, {"party", "samsoe"}, {"label", "Samsø"}}));
}

TEST(CliCommandsTest, EventsTailPrintsOneLinePerEvent) {
  FakeServer server([](const FakeRequest& r) {
    FakeReply reply;
    reply.raw = {"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n",
                 "id: 1\nevent: PartyRegistered\ndata: {\"position\":1,\"stream\":\"party-a\","
                 "\"type\":\"PartyRegistered\",\"recorded_at\":\"2023-08-25T21:59:59.000Z\","
                 "\"actor\":{\"role\":\"admin\",\"party\":\"\",\"token_id\":\"t\"}}\n\n",
                 "id: 2\nevent: X\ndata: {\"position\":2}\n\n"};
    reply.hold_open = true;
    return reply;
  });
  CliRun r = RunCliOn(server, {"events", "tail", "--from", "1", "--count", "2"});
  EXPECT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "1  2023-08-25T21:59:59.000Z  party-a  PartyRegistered  admin\n"
            "2        system\n");
}

// A server whose /v1/events serves a real sealed chain of 5 events, with
// position `bad` (0: none) altered after sealing.
FakeServer ChainServer(std::uint64_t bad) {
  return FakeServer([bad](const FakeRequest& r) {
    json items = json::array();
    Hash prev{};
    for (std::uint64_t p = 1; p <= 5; ++p) {
      RecordedEvent e;
      e.position = p;
      e.stream = "party-" + std::to_string(p);
      e.stream_version = 1;
      e.type = "PartyRegistered";
      e.recorded_at_ms = 1692999599000 + p;
      e.data = json{{"id", p}}.dump();
      SealEvent(e, prev);
      prev = e.hash;
      json j = EventToJson(e);
      if (p == bad) j["stream"] = "party-forged";
      items.push_back(j);
    }
    return Json(200, json{{"items", items}, {"next", nullptr}}.dump());
  });
}

TEST(CliCommandsTest, VerifyLocalRehashesTheLog) {
  FakeServer good = ChainServer(0);
  CliRun ok = RunCliOn(good, {"verify", "--local"});
  EXPECT_EQ(ok.code, kExitOk) << ok.err;
  EXPECT_NE(ok.out.find("ok (local): 5 events re-hashed; head 5"), std::string::npos) << ok.out;

  FakeServer tampered = ChainServer(4);
  CliRun broken = RunCliOn(tampered, {"--json", "verify", "--local"});
  EXPECT_EQ(broken.code, kExitBroken);
  json j = json::parse(broken.out);
  EXPECT_EQ(j["ok"], false);
  EXPECT_EQ(j["first_bad"], 4);
  EXPECT_EQ(j["head"]["position"], 3);
}

TEST(CliCommandsTest, VerifyReportsTheServersVerdict) {
  FakeServer server([](const FakeRequest& r) {
    return Json(200, R"({"ok":false,"checked":9,"head":{"position":9,"hash":"aa"},)"
                     R"("first_bad":7,"problem":"hash mismatch"})");
  });
  CliRun r = RunCliOn(server, {"verify"});
  EXPECT_EQ(r.code, kExitBroken);
  EXPECT_EQ(r.out, "BROKEN: first bad position 7: hash mismatch (9 events checked)\n");
  EXPECT_EQ(server.requests().at(0).target, "/v1/verify");
}

}  // namespace
}  // namespace hoering::client
