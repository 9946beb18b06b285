// /v1/agreements through the real client: create, import the real agreement,
// change, publish, versions, time travel, diff, change log, concurrency.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/is_problem.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;
using testing::IsProblem;
using testing::TestServer;

std::string Fixture() {
  std::ifstream in(std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/agreement-2024-2027.md");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json Edit(const std::string& id, const std::string& body) {
  return {{"rationale", "clarify " + id},
          {"cites", nlohmann::json::array()},
          {"ops", {{{"op", "edit"}, {"id", id}, {"body", body}}}}};
}

// Creates "sa-2024" with the real text imported and version 1 published.
void CreateImported(client::Api& api) {
  ASSERT_TRUE(api.RegisterParty({"region-midtjylland", "Region Midtjylland", "region"}).ok());
  auto created = api.Call(Verb::post, "/v1/agreements",
                          {{"id", "sa-2024"},
                           {"title", "Sundhedsaftalen 2024-2027"},
                           {"term", {{"entry_into_force", "2024-01-01"}, {"years", 4}}},
                           {"parties", {"region-midtjylland"}}});
  ASSERT_TRUE(created.ok()) << created.error().detail;
  EXPECT_EQ(created->status, 201);
  auto imported = api.CallRaw(Verb::post, "/v1/agreements/sa-2024/import?rationale=seed%20001",
                              Fixture(), "text/markdown");
  ASSERT_TRUE(imported.ok()) << imported.error().detail;
  EXPECT_EQ(imported->body["change"], "c-1");
  auto v1 =
      api.Call(Verb::post, "/v1/agreements/sa-2024/versions", {{"label", "consultation draft"}});
  ASSERT_TRUE(v1.ok()) << v1.error().detail;
  EXPECT_EQ(v1->body["number"], 1);
  EXPECT_EQ(v1->body["hash"].get<std::string>().size(), 64u);
}

int CountKind(const nlohmann::json& sections, const std::string& kind) {
  int n = 0;
  for (const auto& s : sections) {
    n += s["kind"] == kind;
    n += CountKind(s["children"], kind);
  }
  return n;
}

TEST(AgreementsRoutes, ImportTheRealAgreementAndReadItBack) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  auto shown = server.Client("").Call(Verb::get, "/v1/agreements/sa-2024");
  ASSERT_TRUE(shown.ok()) << shown.error().detail;
  const auto& sections = shown->body["sections"];
  EXPECT_EQ(CountKind(sections, "chapter"), 7);
  EXPECT_EQ(CountKind(sections, "vision"), 4);
  EXPECT_EQ(CountKind(sections, "focus_area"), 3);
  EXPECT_GT(CountKind(sections, "indicator"), 5);
  EXPECT_EQ(shown->body["version"]["number"], 1);
  EXPECT_FALSE(shown->etag.empty());
  auto md = api.Call(Verb::get, "/v1/agreements/sa-2024?format=md");
  ASSERT_TRUE(md.ok());
  EXPECT_NE(md->raw.find("Sammenhæng og tryghed"), std::string::npos);
  auto list = api.Call(Verb::get, "/v1/agreements");
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->body["items"].size(), 1u);
}

TEST(AgreementsRoutes, ChangePublishDiffLogAndTimeTravel) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  auto before = api.Call(Verb::get, "/v1/agreements/sa-2024");
  ASSERT_TRUE(before.ok());
  auto changed =
      api.Call(Verb::post, "/v1/agreements/sa-2024/changes",
               Edit("vision-1", "Borgeren oplever sammenhæng, tryghed og ventetider for børn."));
  ASSERT_TRUE(changed.ok()) << changed.error().detail;
  EXPECT_EQ(changed->body["change"], "c-2");
  auto v2 = api.Call(Verb::post, "/v1/agreements/sa-2024/versions",
                     {{"label", "final"}, {"note", "after the consultation"}});
  ASSERT_TRUE(v2.ok()) << v2.error().detail;
  EXPECT_EQ(v2->body["number"], 2);

  auto diff = api.Call(Verb::get, "/v1/agreements/sa-2024/diff?from=1&to=2&unchanged=0");
  ASSERT_TRUE(diff.ok()) << diff.error().detail;
  ASSERT_EQ(diff->body["sections"].size(), 1u);
  EXPECT_EQ(diff->body["sections"][0]["id"], "vision-1");
  EXPECT_EQ(diff->body["sections"][0]["status"], "modified");
  auto text = api.Call(
      Verb::get, "/v1/agreements/sa-2024/diff?from=consultation%20draft&to=final&format=text");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->raw.find("ventetider"), std::string::npos);
  auto html = api.Call(Verb::get, "/v1/agreements/sa-2024/diff?from=2&to=1&format=html");
  ASSERT_TRUE(html.ok());
  EXPECT_NE(html->raw.find("<del>"), std::string::npos);

  auto log = api.Call(Verb::get, "/v1/agreements/sa-2024/changes?from=1&to=2");
  ASSERT_TRUE(log.ok()) << log.error().detail;
  ASSERT_EQ(log->body["items"].size(), 1u);
  EXPECT_EQ(log->body["items"][0]["change"], "c-2");
  EXPECT_EQ(log->body["items"][0]["rationale"], "clarify vision-1");
  EXPECT_EQ(log->body["items"][0]["actor"]["role"], "admin");
  // The read view keeps change sets without ops; the route reads them from the log.
  ASSERT_EQ(log->body["items"][0]["ops"].size(), 1u);
  EXPECT_EQ(log->body["items"][0]["ops"][0]["op"], "edit");
  EXPECT_EQ(log->body["items"][0]["ops"][0]["id"], "vision-1");

  // The text at version 1, at a position and at a time equals what was read then.
  auto at1 = api.Call(Verb::get, "/v1/agreements/sa-2024?at=1");
  ASSERT_TRUE(at1.ok());
  EXPECT_EQ(at1->body["sections"], before->body["sections"]);
  auto at_label = api.Call(Verb::get, "/v1/agreements/sa-2024?at=consultation%20draft");
  EXPECT_EQ(at_label->body["sections"], before->body["sections"]);
  const auto v1_position = before->body["version"]["position"].get<std::uint64_t>();
  auto at_pos =
      api.Call(Verb::get, "/v1/agreements/sa-2024?at=position:" + std::to_string(v1_position));
  ASSERT_TRUE(at_pos.ok()) << at_pos.error().detail;
  EXPECT_EQ(at_pos->body["sections"], before->body["sections"]);

  auto versions = api.Call(Verb::get, "/v1/agreements/sa-2024/versions");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->body["items"].size(), 2u);
  EXPECT_EQ(versions->body["items"][1]["label"], "final");
  auto one = api.Call(Verb::get, "/v1/agreements/sa-2024/versions/final");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->body["number"], 2);
}

// Diff bodies are kept between requests (server/app/diff_bodies.h): a repeat
// is the same body, and a diff to "current" follows the text as it changes.
TEST(AgreementsRoutes, KeptDiffsAreTheSameAndFollowTheText) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  const std::string to_current = "/v1/agreements/sa-2024/diff?from=1&to=current";
  auto first = api.Call(Verb::get, to_current);
  ASSERT_TRUE(first.ok()) << first.error().detail;
  EXPECT_EQ(first->body["summary"]["modified"], 0);
  auto again = api.Call(Verb::get, to_current);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->raw, first->raw);

  ASSERT_TRUE(api.Call(Verb::post, "/v1/agreements/sa-2024/changes",
                       Edit("vision-1", "Borgeren oplever sammenhæng og korte ventetider."))
                  .ok());
  auto changed = api.Call(Verb::get, to_current);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->body["summary"]["modified"], 1);
  EXPECT_NE(changed->body["to"]["hash"], first->body["to"]["hash"]);
  EXPECT_EQ(api.Call(Verb::get, to_current)->raw, changed->raw);
  // The same ends under another format or option are another body.
  auto text = api.Call(Verb::get, to_current + "&format=text");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->raw.find("korte ventetider"), std::string::npos);
  auto only_changed = api.Call(Verb::get, to_current + "&unchanged=0");
  ASSERT_TRUE(only_changed.ok());
  EXPECT_EQ(only_changed->body["sections"].size(), 1u);
  EXPECT_GT(changed->body["sections"].size(), 1u);

  auto metrics = api.CallRaw(Verb::get, "/metrics", "", "");
  ASSERT_TRUE(metrics.ok());
  EXPECT_NE(metrics->raw.find("hoering_diff_cache_hits 2"), std::string::npos) << metrics->raw;
}

TEST(AgreementsRoutes, BadInputAndMissingThings) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  const auto head = server.store().Head().position;
  EXPECT_EQ(api.Call(Verb::get, "/v1/agreements/nope").error().status, 404);
  EXPECT_EQ(api.Call(Verb::get, "/v1/agreements/sa-2024?at=9").error().status, 404);
  EXPECT_EQ(api.Call(Verb::get, "/v1/agreements/sa-2024/versions/9").error().status, 404);
  EXPECT_EQ(api.Call(Verb::get, "/v1/agreements/sa-2024/diff?from=1").error().status, 400);
  EXPECT_EQ(api.Call(Verb::get, "/v1/agreements/sa-2024/diff?from=1&to=7").error().status, 404);
  // One bad op rejects the whole set, naming it.
  nlohmann::json bad = {{"rationale", "two ops"},
                        {"ops",
                         {{{"op", "edit"}, {"id", "vision-1"}, {"body", "fine"}},
                          {{"op", "move"}, {"id", "kap-3"}, {"parent", "fa-1"}}}}};
  auto rejected = api.Call(Verb::post, "/v1/agreements/sa-2024/changes", bad);
  ASSERT_TRUE(IsProblem(rejected, 422, "urn:hoering:invalid-op"));
  EXPECT_NE(rejected.error().detail.find("op 2"), std::string::npos) << rejected.error().detail;
  EXPECT_EQ(api.Call(Verb::post, "/v1/agreements/sa-2024/changes",
                     {{"rationale", "x"}, {"ops", {{{"op", "remove"}, {"id", "ghost"}}}}})
                .error()
                .status,
            422);
  EXPECT_EQ(
      api.Call(Verb::post, "/v1/agreements/sa-2024/changes", {{"ops", "nope"}}).error().status,
      400);
  EXPECT_EQ(api.Call(Verb::post, "/v1/agreements/nope/changes", Edit("a", "b")).error().status,
            404);
  auto again = api.Call(Verb::post, "/v1/agreements/sa-2024/versions", {{"label", "again"}});
  EXPECT_EQ(again.error().status, 409);
  EXPECT_EQ(again.error().type, "urn:hoering:nothing-to-publish");
  auto dup = api.Call(Verb::post, "/v1/agreements", {{"id", "sa-2024"}, {"title", "Dup"}});
  EXPECT_EQ(dup.error().status, 409);
  EXPECT_EQ(api.CallRaw(Verb::post, "/v1/agreements/sa-2024/import", "# X", "application/pdf")
                .error()
                .status,
            400);
  EXPECT_EQ(server.store().Head().position, head);
  // Stakeholders and anonymous callers may read but not write.
  EXPECT_EQ(server.Client("")
                .Call(Verb::post, "/v1/agreements/sa-2024/changes", Edit("vision-1", "x"))
                .error()
                .status,
            401);
}

TEST(AgreementsRoutes, IfMatchAndConcurrentEditors) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  auto current = api.Call(Verb::get, "/v1/agreements/sa-2024");
  const std::string etag = current->etag;
  client::CallOptions match;
  match.if_match = etag;
  ASSERT_TRUE(
      api.Call(Verb::post, "/v1/agreements/sa-2024/changes", Edit("vision-2", "one"), match).ok());
  auto stale =
      api.Call(Verb::post, "/v1/agreements/sa-2024/changes", Edit("vision-3", "two"), match);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().status, 412);

  // Two secretaries editing different sections at once, without If-Match: all succeed.
  constexpr int kEach = 15;
  // kEach edits of `section`, bodies "<prefix>0", "<prefix>1", ...
  auto secretary = [&](const std::string& section, const std::string& prefix) {
    auto c = server.Client();
    for (int i = 0; i < kEach; ++i) {
      auto r = c.Call(Verb::post, "/v1/agreements/sa-2024/changes",
                      Edit(section, prefix + std::to_string(i)));
      ASSERT_TRUE(r.ok()) << r.error().detail;
    }
  };
  std::thread a(secretary, "vision-3", "a");
  std::thread b(secretary, "vision-4", "b");
  a.join();
  b.join();
  auto log = api.Call(Verb::get, "/v1/agreements/sa-2024/changes?from=1&to=current");
  ASSERT_TRUE(log.ok()) << log.error().detail;
  EXPECT_EQ(log->body["items"].size(), std::size_t{1 + 2 * kEach});
}

TEST(AgreementsRoutes, StateSurvivesRestart) {
  TestServer server;
  auto api = server.Client();
  CreateImported(api);
  auto before = api.Call(Verb::get, "/v1/agreements/sa-2024");
  server.Restart();
  auto after = server.Client().Call(Verb::get, "/v1/agreements/sa-2024");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->body, before->body);
}

}  // namespace
}  // namespace hoering
