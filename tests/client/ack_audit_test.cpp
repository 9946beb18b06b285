#include "client/lib/ack_audit.h"

#include <gtest/gtest.h>

#include <set>

#include "fake_server.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// A log of positions 1..20 where position p is in stream "party-p", except
// that position 7 holds stream "party-other"; paged by at most 5.
FakeServer MakeLog() {
  return FakeServer([](const FakeRequest& r) {
    auto q = r.target.find("from=");
    std::uint64_t from = std::stoull(r.target.substr(q + 5));
    json items = json::array();
    for (std::uint64_t p = from; p <= 20 && p < from + 5; ++p) {
      items.push_back({{"position", p},
                       {"stream", p == 7 ? "party-other" : "party-" + std::to_string(p)},
                       {"type", "PartyRegistered"}});
    }
    const std::uint64_t next = from + items.size();
    return Json(200, json{{"items", items}, {"next", next <= 20 ? json(next) : json()}}.dump());
  });
}

// Audits `acks` against `log` over one connection, reading 1,000 at a time.
Expected<AckAuditReport> Audit(const FakeServer& log, std::vector<Acknowledged> acks) {
  auto api = Api::Connect(log.url());
  if (!api.ok()) return api.error();
  return AuditAcknowledged(*api, std::move(acks), 1000);
}

TEST(AckAuditTest, ConfirmsEveryAcknowledgedWrite) {
  FakeServer log = MakeLog();
  std::vector<Acknowledged> acks;
  for (std::uint64_t p : {12, 3, 5, 4}) acks.push_back({p, "party-" + std::to_string(p), ""});
  auto r = Audit(log, acks);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(r->acknowledged, 4u);
  EXPECT_EQ(r->confirmed, 4u);
  EXPECT_EQ(r->lost, 0u);
  EXPECT_EQ(r->from, 3u);
  EXPECT_EQ(r->to, 12u);
  EXPECT_EQ(log.requests().at(0).target,
            "/v1/events?from=3&limit=10&data=false" /* the range 3..12, without data */);
}

TEST(AckAuditTest, ReportsMissingMismatchedAndDuplicates) {
  FakeServer log = MakeLog();
  std::vector<Acknowledged> acks = {
      {2, "party-2", "PartyRegistered"},
      {7, "party-7", ""},             // another stream sits there
      {9, "party-9", "TokenIssued"},  // wrong type
      {11, "party-11", ""},
      {11, "party-11", ""},  // acknowledged twice
      {25, "party-25", ""},  // beyond the end of the log
  };
  auto r = Audit(log, acks);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(r->confirmed, 2u);
  EXPECT_EQ(r->mismatched, 2u);
  EXPECT_EQ(r->duplicates, 1u);
  EXPECT_EQ(r->missing, 1u);
  EXPECT_EQ(r->lost, 4u);
  EXPECT_EQ(r->examples.size(), 4u);
}

TEST(AckAuditTest, NothingAcknowledgedReadsNothing) {
  FakeServer log = MakeLog();
  auto r = Audit(log, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->lost, 0u);
  EXPECT_TRUE(log.requests().empty());
}

// ------------------------------------------------------------- in parallel

std::function<Expected<Api>()> ConnectTo(const FakeServer& log, int* calls) {
  return [url = log.url(), calls]() {
    ++*calls;
    return Api::Connect(url);
  };
}

TEST(AckAuditTest, InParallelGivesTheSameCountsAndReadsOnlyEachSlice) {
  FakeServer log = MakeLog();
  std::vector<Acknowledged> acks = {
      {2, "party-2", "PartyRegistered"},
      {3, "party-3", ""},
      {7, "party-7", ""},
      {9, "party-9", "TokenIssued"},
      {11, "party-11", ""},
      {11, "party-11", ""},
      {12, "party-12", ""},
      {18, "party-18", ""},
      {25, "party-25", ""},
  };
  int calls = 0;
  auto r = AuditAcknowledgedInParallel(ConnectTo(log, &calls), acks, 3, 1000);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(r->acknowledged, 9u);
  EXPECT_EQ(r->confirmed, 5u);  // 2, 3, 11, 12, 18
  EXPECT_EQ(r->mismatched, 2u);
  EXPECT_EQ(r->duplicates, 1u);  // 11 twice: both in one slice
  EXPECT_EQ(r->missing, 1u);
  EXPECT_EQ(r->lost, 4u);
  EXPECT_EQ(r->from, 2u);
  EXPECT_EQ(r->to, 25u);
  ASSERT_EQ(r->examples.size(), 4u);
  EXPECT_EQ(r->examples[0].rfind("position 7 ", 0), 0u) << r->examples[0];
  EXPECT_EQ(r->examples[3].rfind("position 25 ", 0), 0u) << r->examples[3];

  // Slices {2,3,7}, {9,11,11}, {12,18,25}: each reads its own range only.
  std::multiset<std::string> targets;
  for (const auto& q : log.requests()) targets.insert(q.target);
  EXPECT_EQ(targets.count("/v1/events?from=2&limit=6&data=false"), 1u);  // 2..7
  EXPECT_EQ(targets.count("/v1/events?from=9&limit=3&data=false"), 1u);  // 9..11
  EXPECT_EQ(targets.count("/v1/events?from=12&limit=14&data=false"), 1u);
  for (const auto& t : targets) EXPECT_EQ(t.find("from=8"), std::string::npos) << t;

  auto sequential = Audit(log, acks);
  ASSERT_TRUE(sequential.ok());
  EXPECT_EQ(sequential->confirmed, r->confirmed);
  EXPECT_EQ(sequential->lost, r->lost);
}

TEST(AckAuditTest, InParallelNeverMoreReadersThanAcknowledgements) {
  FakeServer log = MakeLog();
  int calls = 0;
  auto r = AuditAcknowledgedInParallel(
      ConnectTo(log, &calls), {{4, "party-4", ""}, {4, "party-4", ""}, {6, "party-6", ""}}, 8);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(calls, 2);  // {4, 4} and {6}
  EXPECT_EQ(r->confirmed, 2u);
  EXPECT_EQ(r->duplicates, 1u);

  calls = 0;
  auto none = AuditAcknowledgedInParallel(ConnectTo(log, &calls), {}, 4);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->acknowledged, 0u);
  EXPECT_EQ(calls, 0);
}

TEST(AckAuditTest, InParallelAFailingReaderFailsTheAudit) {
  FakeServer log([](const FakeRequest& r) {
    if (r.target.find("from=10") != std::string::npos) return Json(500, "{}");
    return Json(200, R"({"items":[],"next":null})");
  });
  int calls = 0;
  auto r = AuditAcknowledgedInParallel(ConnectTo(log, &calls), {{1, "a", ""}, {10, "b", ""}}, 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 500);

  auto refused = AuditAcknowledgedInParallel(
      []() -> Expected<Api> { return Api::Connect("ftp://nowhere"); }, {{1, "a", ""}}, 2);
  EXPECT_FALSE(refused.ok());
}

}  // namespace
}  // namespace hoering::client
