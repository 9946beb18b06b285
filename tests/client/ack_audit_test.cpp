#include "client/lib/ack_audit.h"

#include <gtest/gtest.h>

#include "fake_server.h"

namespace hoering::client {
namespace {

using nlohmann::json;
using testing::FakeRequest;
using testing::FakeServer;
using testing::Json;

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

TEST(AckAuditTest, ConfirmsEveryAcknowledgedWrite) {
  FakeServer log = MakeLog();
  auto api = Api::Connect(log.url());
  ASSERT_TRUE(api.ok());
  std::vector<Acknowledged> acks;
  for (std::uint64_t p : {12, 3, 5, 4}) acks.push_back({p, "party-" + std::to_string(p), ""});
  auto r = AuditAcknowledged(*api, acks, 1000);
  ASSERT_TRUE(r.ok()) << Describe(r.error());
  EXPECT_EQ(r->acknowledged, 4u);
  EXPECT_EQ(r->confirmed, 4u);
  EXPECT_EQ(r->lost, 0u);
  EXPECT_EQ(r->from, 3u);
  EXPECT_EQ(r->to, 12u);
  EXPECT_EQ(log.requests().at(0).target, "/v1/events?from=3&limit=10" /* the range 3..12 */);
}

TEST(AckAuditTest, ReportsMissingMismatchedAndDuplicates) {
  FakeServer log = MakeLog();
  auto api = Api::Connect(log.url());
  ASSERT_TRUE(api.ok());
  std::vector<Acknowledged> acks = {
      {2, "party-2", "PartyRegistered"},
      {7, "party-7", ""},             // another stream sits there
      {9, "party-9", "TokenIssued"},  // wrong type
      {11, "party-11", ""},
      {11, "party-11", ""},  // acknowledged twice
      {25, "party-25", ""},  // beyond the end of the log
  };
  auto r = AuditAcknowledged(*api, acks, 1000);
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
  auto api = Api::Connect(log.url());
  auto r = AuditAcknowledged(*api, {}, 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->lost, 0u);
  EXPECT_TRUE(log.requests().empty());
}

}  // namespace
}  // namespace hoering::client
