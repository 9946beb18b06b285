// The "responses" load scenario without a server: the bodies it sends, the
// receipts it accepts, and its read back against the scripted FakeServer.
#include "client/load/responses_scenario.h"

#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "tests/client/fake_server.h"

namespace hoering::client::load {
namespace {

using nlohmann::json;

ResponsesFixture Fixture() {
  ResponsesFixture f;
  f.agreement = "load-t-agreement";
  // Ids as long as Prepare's, so the size bounds hold for real runs too.
  for (int i = 0; i < 7; ++i) f.parties.push_back("load-0123abcd-p000" + std::to_string(i));
  for (int i = 0; i < 3; ++i) f.consultations.push_back("load-0123abcd-c00" + std::to_string(i));
  f.sections = {{"working-together", "The parties agree on shared pathways.\n\nCitizens first."},
                {"1-1-discharge-from-hospital-and-municipal-care",
                 "Discharge from hospital is planned early with the municipality and the GP."},
                {"kap-2", ""}};
  return f;
}

std::unique_ptr<ResponsesScenario> Make() {
  auto s = std::make_unique<ResponsesScenario>(ScenarioConfig{"t"});
  s->UseFixture(Fixture());
  return s;
}

std::string BodyOf(const ResponsesFixture& f, const std::string& section) {
  for (const auto& s : f.sections) {
    if (s.id == section) return s.body;
  }
  ADD_FAILURE() << "unknown section " << section;
  return {};
}

TEST(ResponsesScenarioTest, BodiesAreOneToThreeKilobytesWithThreeAnchoredPoints) {
  auto scenario = Make();
  const ResponsesFixture& f = scenario->fixture();
  std::set<std::string> parties, consultations;
  int quotes = 0, without_email = 0;
  for (int c = 0; c < 8; ++c) {
    for (std::uint64_t i = 0; i < 100; ++i) {
      const LoadRequest r = scenario->Next(c, i);
      EXPECT_EQ(r.method, Verb::post);
      EXPECT_EQ(r.content_type, "application/json");
      EXPECT_GE(r.body.size(), 1024u) << r.body;
      EXPECT_LE(r.body.size(), 3072u) << r.body;
      const json b = json::parse(r.body);
      parties.insert(b["party"]);
      const std::string c_id = r.target.substr(18, r.target.size() - 18 - 10);
      EXPECT_EQ(r.target, "/v1/consultations/" + c_id + "/responses");
      consultations.insert(c_id);
      EXPECT_FALSE(b["author"]["name"].get<std::string>().empty());
      without_email += !b["author"].contains("email");
      EXPECT_FALSE(b["summary"].get<std::string>().empty());
      ASSERT_EQ(b["points"].size(), 3u);
      for (const auto& p : b["points"]) {
        const std::string body = BodyOf(f, p["section"]);
        EXPECT_FALSE(p["text"].get<std::string>().empty());
        if (!p.contains("quote")) continue;
        ++quotes;
        const std::string quote = p["quote"];
        EXPECT_FALSE(quote.empty());
        EXPECT_NE(body.find(quote), std::string::npos) << quote;
        EXPECT_EQ(quote.find('\n'), std::string::npos);
      }
    }
  }
  EXPECT_EQ(parties.size(), f.parties.size());  // spread over every party
  for (const auto& p : parties) EXPECT_EQ(std::count(f.parties.begin(), f.parties.end(), p), 1);
  EXPECT_EQ(consultations, std::set<std::string>(f.consultations.begin(), f.consultations.end()));
  EXPECT_GT(quotes, 800);   // about 2 of 3 points of sections with a body
  EXPECT_LT(quotes, 2400);  // but not all of them
  EXPECT_EQ(without_email, 200);
}

TEST(ResponsesScenarioTest, BodiesAreValidJsonWhateverTheSectionTextHolds) {
  // The body is written as text (no JSON value): quotes cut from a section
  // with quotes, backslashes, a tab, a control character and UTF-8 must come
  // back verbatim.
  ResponsesFixture f = Fixture();
  const std::string odd =
      "Say \"yes\" \\ or\tno \x01 to bl\xc3\xa5 b\xc3\xa6r and r\xc3\xb8"
      "d gr\xc3\xb8"
      "d";
  f.sections = {{"odd", odd}};
  auto s = std::make_unique<ResponsesScenario>(ScenarioConfig{"t"});
  s->UseFixture(f);
  int quotes = 0;
  for (std::uint64_t i = 0; i < 60; ++i) {
    const LoadRequest r = s->Next(1, i);
    const json b = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(b.is_discarded()) << r.body;
    EXPECT_EQ(b.dump(), r.body);  // the bytes nlohmann would have written
    EXPECT_EQ(b["author"]["name"], "Caseworker 1-" + std::to_string(i));
    EXPECT_EQ(b["author"].contains("email"), i % 4 != 3);
    for (const auto& p : b["points"]) {
      EXPECT_EQ(p["section"], "odd");
      if (!p.contains("quote")) continue;
      ++quotes;
      EXPECT_NE(odd.find(p["quote"].get<std::string>()), std::string::npos) << p["quote"];
    }
  }
  EXPECT_GT(quotes, 60);
}

TEST(ResponsesScenarioTest, DeterministicPerConnectionAndIndexWithUniqueIdempotencyKeys) {
  auto a = Make(), b = Make();
  std::set<std::string> keys, bodies;
  for (int c = 0; c < 4; ++c) {
    for (std::uint64_t i = 0; i < 50; ++i) {
      const LoadRequest x = a->Next(c, i), y = b->Next(c, i);
      EXPECT_EQ(x.target, y.target);
      EXPECT_EQ(x.body, y.body);
      ASSERT_TRUE(x.headers.Get("Idempotency-Key").has_value());
      EXPECT_EQ(x.headers.Get("Idempotency-Key"), y.headers.Get("Idempotency-Key"));
      EXPECT_EQ(*x.headers.Get("Idempotency-Key"),
                "load-t-" + std::to_string(c) + "-" + std::to_string(i));
      EXPECT_FALSE(x.headers.Has("Authorization"));  // the runner's business
      keys.insert(std::string(*x.headers.Get("Idempotency-Key")));
      bodies.insert(x.body);
    }
  }
  EXPECT_EQ(keys.size(), 200u);
  EXPECT_EQ(bodies.size(), 200u);
  // Asking again later (or in another order) gives the same request.
  EXPECT_EQ(a->Next(3, 49).body, b->Next(3, 49).body);
  EXPECT_EQ(a->Next(0, 0).body, Make()->Next(0, 0).body);
}

TEST(ResponsesScenarioTest, PublicationCyclesPublicAnonymousPrivate) {
  auto s = Make();
  const char* expected[] = {"public", "anonymous", "private"};
  for (int c = 0; c < 3; ++c) {
    for (std::uint64_t i = 0; i < 9; ++i) {
      EXPECT_EQ(json::parse(s->Next(c, i).body)["publication"], expected[i % 3]) << c << " " << i;
    }
  }
}

HttpResponse Answer(int status, const json& body) {
  HttpResponse r;
  r.status = status;
  r.body = body.dump();
  return r;
}

json Receipt(const std::string& id, std::uint64_t position) {
  return {{"response", id},
          {"consultation", "load-t-c0"},
          {"party", "load-t-p0"},
          {"revision", 1},
          {"submitted_at", "2026-11-23T10:00:00.000Z"},
          {"position", position},
          {"hash", "ab12"},
          {"late", false},
          {"stream_version", 1}};
}

TEST(ResponsesScenarioTest, CheckWantsA201ReceiptAndAcknowledgesTheResponseStream) {
  auto s = Make();
  const LoadRequest req = s->Next(0, 0);

  LoadOutcome ok = s->Check(req, Answer(201, Receipt("r-00000000000000aa", 17)));
  EXPECT_TRUE(ok.ok) << ok.problem;
  ASSERT_TRUE(ok.ack.has_value());
  EXPECT_EQ(ok.ack->position, 17u);
  EXPECT_EQ(ok.ack->stream, "response-r-00000000000000aa");
  EXPECT_EQ(ok.ack->type, "ResponseSubmitted");
  EXPECT_EQ(s->receipts(), 1u);

  LoadOutcome closed =
      s->Check(req, Answer(409, {{"type", "urn:hoering:consultation-closed"}, {"status", 409}}));
  EXPECT_FALSE(closed.ok);
  EXPECT_FALSE(closed.ack.has_value());
  EXPECT_NE(closed.problem.find("409"), std::string::npos);

  LoadOutcome created200 = s->Check(req, Answer(200, Receipt("r-1", 18)));
  EXPECT_FALSE(created200.ok);

  json late = Receipt("r-2", 19);
  late["late"] = true;
  LoadOutcome l = s->Check(req, Answer(201, late));
  EXPECT_FALSE(l.ok);
  EXPECT_TRUE(l.ack.has_value());  // written all the same: the audit looks for it
  EXPECT_NE(l.problem.find("late"), std::string::npos);

  for (const char* field : {"hash", "submitted_at", "revision", "late"}) {
    json r = Receipt("r-3", 20);
    r.erase(field);
    LoadOutcome o = s->Check(req, Answer(201, r));
    EXPECT_FALSE(o.ok) << field;
    EXPECT_NE(o.problem.find(field), std::string::npos) << o.problem;
  }
  json no_position = Receipt("r-4", 21);
  no_position.erase("position");
  EXPECT_FALSE(s->Check(req, Answer(201, no_position)).ack.has_value());
  EXPECT_EQ(s->receipts(), 1u);  // only the good receipt is kept for the read back
}

// The server the read back talks to: answers each GET with the response as
// the real server would store it, built from what was sent.
TEST(ResponsesScenarioTest, ReadBackComparesEveryFieldAndTheReceipt) {
  auto s = Make();
  std::map<std::string, json> stored;  // target -> response
  std::string missing;
  std::mutex mu;
  for (std::uint64_t i = 0; i < 6; ++i) {
    const LoadRequest req = s->Next(1, i);
    const std::string id = "r-" + std::to_string(i);
    json receipt = Receipt(id, 100 + i);
    ASSERT_TRUE(s->Check(req, Answer(201, receipt)).ok);
    json r = json::parse(req.body);
    r["id"] = id;
    int n = 0;
    for (auto& p : r["points"]) {
      p["n"] = ++n;
      if (!p.contains("quote")) p["quote"] = nullptr;
    }
    r["receipt"] = {{"position", 100 + i}, {"hash", "ab12"}};
    if (i == 2) r["points"][1]["text"] = "changed";
    if (i == 3) r["receipt"]["position"] = 999;
    if (i == 4) r["author"].erase("name");
    stored[req.target + "/" + id] = r;
    if (i == 5) missing = req.target + "/" + id;
  }
  FakeServer server([&](const FakeRequest& q) {
    std::lock_guard lock(mu);
    auto it = stored.find(q.target);
    if (q.method != "GET" || it == stored.end()) return Json(404, R"({"status":404})");
    return Json(200, it->second.dump());
  });
  auto api = Api::Connect(server.url(), "sec");
  ASSERT_TRUE(api.ok());
  {
    std::lock_guard lock(mu);
    stored.erase(missing);  // one acknowledged response cannot be found at all
  }

  ReadbackReport report = s->ReadBack(*api);
  EXPECT_EQ(report.receipts, 6u);
  EXPECT_EQ(report.checked, 6u);
  EXPECT_FALSE(report.sampled());
  EXPECT_EQ(report.mismatches, 4u);
  ASSERT_EQ(report.examples.size(), 4u);
  std::string all;
  for (const auto& e : report.examples) all += e + "\n";
  EXPECT_NE(all.find("r-2: point 2 text"), std::string::npos) << all;
  EXPECT_NE(all.find("r-3: receipt.position"), std::string::npos) << all;
  EXPECT_NE(all.find("r-4: author.name"), std::string::npos) << all;
  EXPECT_NE(all.find("GET failed"), std::string::npos) << all;

  EXPECT_EQ(s->ReadBack(*api, 2).checked, 2u);
  EXPECT_TRUE(s->ReadBack(*api, 2).sampled());
}

}  // namespace
}  // namespace hoering::client::load
