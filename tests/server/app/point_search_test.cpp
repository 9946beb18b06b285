// The inbox's point search (server/app/point_search.h): what it finds, and
// that it follows the log: nothing read when nothing was committed, only the
// touched responses folded after a few events, the whole check after many.
#include "server/app/point_search.h"

#include <gtest/gtest.h>

#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;

class PointSearchTest : public ConsultationTest {
 protected:
  app::AppContext& Ctx() { return server_->app().context(); }

  static app::PointFilter Words(std::string q) {
    app::PointFilter f;
    f.query = std::move(q);
    return f;
  }
  static std::vector<std::string> Refs(const app::PointsFound& found) {
    std::vector<std::string> out;
    for (const auto& p : found.items) out.push_back(p.response + "/" + std::to_string(p.n));
    return out;
  }
  // Every point of consultation h1 that `filter` lets through.
  std::vector<std::string> Find(app::PointSearch& search, const app::PointFilter& filter) {
    auto found = search.Search("h1", filter, "", 100);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.status().detail());
    return found.ok() ? Refs(*found) : std::vector<std::string>();
  }
  void Amend(const std::string& token, const std::string& rid, const nlohmann::json& body,
             int version) {
    client::CallOptions if_match;
    if_match.if_match = "\"" + std::to_string(version) + "\"";
    auto r = As(token).Call(Verb::put, "/v1/consultations/h1/responses/" + rid, body, if_match);
    ASSERT_TRUE(r.ok()) << r.error().detail;
  }
};

TEST_F(PointSearchTest, FollowsNewResponsesAmendmentsWithdrawalsAndDispositions) {
  app::PointSearch search(Ctx(), std::size_t{1} << 20);
  const std::string a = Submit(aarhus_, ResponseBody("aarhus"));
  EXPECT_EQ(Find(search, {}), (std::vector<std::string>{a + "/1", a + "/2", a + "/3"}));
  EXPECT_EQ(search.stats().full_checks, 1u);

  // Nothing committed since: the kept entry answers without a fold.
  const auto folds = search.stats().folds;
  EXPECT_EQ(Find(search, Words("gener")), (std::vector<std::string>{a + "/3"}));
  EXPECT_EQ(search.stats().folds, folds);

  // A new response comes last; only it is folded.
  const std::string p = Submit(plo_, ResponseBody("plo"));
  EXPECT_EQ(Find(search, Words("point one")), (std::vector<std::string>{a + "/1", p + "/1"}));
  EXPECT_EQ(search.stats().folds, folds + 1);

  // An amendment changes the words.
  nlohmann::json amended = ResponseBody("aarhus");
  amended["points"][0]["text"] = "Tandlægerne mangler";
  Amend(aarhus_, a, amended, 1);
  EXPECT_EQ(Find(search, Words("TANDL")), (std::vector<std::string>{a + "/1"}));
  EXPECT_EQ(Find(search, Words("point one")), (std::vector<std::string>{p + "/1"}));

  // A withdrawal.
  ASSERT_TRUE(As(plo_)
                  .Call(Verb::post, "/v1/consultations/h1/responses/" + p + "/withdraw",
                        {{"reason", "Sent twice"}})
                  .ok());
  app::PointFilter withdrawn;
  withdrawn.withdrawn = true;
  EXPECT_EQ(Find(search, withdrawn), (std::vector<std::string>{p + "/1", p + "/2", p + "/3"}));

  // A disposition, after the deadline.
  now_->store(kCloses + kDay);
  ASSERT_TRUE(admin_
                  ->Call(Verb::put, "/v1/consultations/h1/responses/" + a + "/points/2/disposition",
                         {{"outcome", "noted"}, {"rationale", "Taget til efterretning"}})
                  .ok());
  app::PointFilter noted;
  noted.outcome = "noted";
  EXPECT_EQ(Find(search, noted), (std::vector<std::string>{a + "/2"}));
  app::PointFilter open;
  open.outcome = app::kNoDisposition;
  EXPECT_EQ(Find(search, open).size(), 5u);
  // Every change after the first search was caught up from the log tail.
  EXPECT_EQ(search.stats().full_checks, 1u);
}

TEST_F(PointSearchTest, MoreEventsThanTheTailLimitRunTheWholeCheck) {
  app::PointSearch search(Ctx(), std::size_t{1} << 20, /*max_tail=*/1);
  const std::string a = Submit(aarhus_, ResponseBody("aarhus"));
  EXPECT_EQ(Find(search, {}).size(), 3u);
  const std::string p = Submit(plo_, ResponseBody("plo"));
  nlohmann::json amended = ResponseBody("aarhus");
  amended["points"][1]["text"] = "Tandlægerne mangler";
  Amend(aarhus_, a, amended, 1);
  const auto before = search.stats();
  EXPECT_EQ(Find(search, Words("tandlæge")), (std::vector<std::string>{a + "/2"}));
  EXPECT_EQ(Find(search, {}).size(), 6u);
  const auto after = search.stats();
  EXPECT_EQ(after.full_checks, before.full_checks + 1);
  // Only the two responses that moved were folded again.
  EXPECT_EQ(after.folds, before.folds + 2);
}

TEST_F(PointSearchTest, ResponsesOfAnotherConsultationAreNotItsPoints) {
  ASSERT_TRUE(admin_->Call(Verb::post, "/v1/consultations", OpenBody("h2")).ok());
  app::PointSearch search(Ctx(), std::size_t{1} << 20);
  const std::string a = Submit(aarhus_, ResponseBody("aarhus"));
  EXPECT_EQ(Find(search, {}).size(), 3u);
  auto other = As(plo_).Call(Verb::post, "/v1/consultations/h2/responses", ResponseBody("plo"));
  ASSERT_TRUE(other.ok()) << other.error().detail;
  EXPECT_EQ(Find(search, {}), (std::vector<std::string>{a + "/1", a + "/2", a + "/3"}));
  EXPECT_EQ(search.stats().full_checks, 1u);
}

}  // namespace
}  // namespace hoering
