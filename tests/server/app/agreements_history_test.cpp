// Time travel is faithful: every read of an old state equals what a read
// returned at that time. Builds a history through the API while recording
// each current read, then reads every recorded point back by position and by
// version, also after a restart (the read views are rebuilt from the log).
#include <gtest/gtest.h>

#include <random>

#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;

struct Snapshot {
  std::uint64_t position;
  nlohmann::json sections;
};

TEST(AgreementsHistory, EveryRecordedReadIsReproducedByPositionAndVersion) {
  testing::TestServer server;
  auto api = server.Client();
  ASSERT_TRUE(api.Call(Verb::post, "/v1/agreements", {{"id", "h"}, {"title", "History"}}).ok());
  std::mt19937 rng(20261123);
  std::vector<Snapshot> reads;
  std::vector<std::pair<int, nlohmann::json>> versions;  // number -> sections
  std::vector<std::string> ids;
  for (int step = 0; step < 60; ++step) {
    const int choice = static_cast<int>(rng() % 10);
    client::Expected<client::ApiResult> w = client::ApiError{};
    if (ids.empty() || choice < 3) {
      const std::string id = "s" + std::to_string(step);
      nlohmann::json op = {{"op", "add"},
                           {"section",
                            {{"id", id},
                             {"kind", "text"},
                             {"heading", "Section " + id},
                             {"body", "Body of " + id}}}};
      if (!ids.empty() && rng() % 2) op["parent"] = ids[rng() % ids.size()];
      w = api.Call(Verb::post, "/v1/agreements/h/changes", {{"rationale", "add"}, {"ops", {op}}});
      if (w.ok()) ids.push_back(id);
    } else if (choice < 8) {
      const std::string& id = ids[rng() % ids.size()];
      w = api.Call(
          Verb::post, "/v1/agreements/h/changes",
          {{"rationale", "edit"},
           {"ops",
            {{{"op", "edit"}, {"id", id}, {"body", "Edited at step " + std::to_string(step)}}}}});
    } else {
      w = api.Call(Verb::post, "/v1/agreements/h/versions",
                   {{"label", "v at " + std::to_string(step)}});
      if (w.ok()) {
        auto now = api.Call(Verb::get, "/v1/agreements/h");
        versions.emplace_back(w->body["number"].get<int>(), now->body["sections"]);
      }
    }
    if (!w.ok()) {
      ASSERT_EQ(w.error().status, 409) << w.error().detail;  // nothing to publish
      continue;
    }
    auto now = api.Call(Verb::get, "/v1/agreements/h");
    ASSERT_TRUE(now.ok());
    reads.push_back({*w->position, now->body["sections"]});
  }
  ASSERT_GT(reads.size(), 40u);
  ASSERT_GT(versions.size(), 2u);

  auto check = [&](client::Api& c) {
    for (const auto& r : reads) {
      auto then = c.Call(Verb::get, "/v1/agreements/h?at=position:" + std::to_string(r.position));
      ASSERT_TRUE(then.ok()) << then.error().detail;
      EXPECT_EQ(then->body["sections"], r.sections) << "position " << r.position;
    }
    for (const auto& [number, sections] : versions) {
      auto then = c.Call(Verb::get, "/v1/agreements/h?at=" + std::to_string(number));
      ASSERT_TRUE(then.ok());
      EXPECT_EQ(then->body["sections"], sections) << "version " << number;
    }
  };
  check(api);
  server.Restart();
  auto fresh = server.Client();
  check(fresh);
}

}  // namespace
}  // namespace hoering
