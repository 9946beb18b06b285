#include "client/load/run_tally.h"

#include <gtest/gtest.h>

namespace hoering::client::load {
namespace {

LoadOutcome Ok(std::uint64_t position) {
  LoadOutcome o;
  o.ok = true;
  o.ack = Acknowledged{position, "s-" + std::to_string(position), "T"};
  return o;
}

LoadOutcome Bad(std::string problem) {
  LoadOutcome o;
  o.problem = std::move(problem);
  return o;
}

TEST(RunTallyTest, CountsMeasuredAndWarmupRequestsApart) {
  RunTally t;
  t.Count(false, 9.0, Ok(1), "");
  t.Count(true, 2.5, Ok(2), "");
  t.Count(true, 3.5, Bad("HTTP 409: exists"), "409");
  t.Count(false, 1.0, Bad("read: end of stream"), "transport");
  t.ConnectionOpened();
  const RunResult& r = t.result();
  EXPECT_EQ(r.warmup_sent, 2u);
  EXPECT_EQ(r.sent, 2u);
  EXPECT_EQ(r.acknowledged, 1u);
  EXPECT_EQ(r.latencies_ms, (std::vector<double>{2.5}));  // measured and ok only
  ASSERT_EQ(r.acks.size(), 2u);                           // warm-up writes too
  EXPECT_EQ(r.acks[0].position, 1u);
  EXPECT_EQ(r.acks[1].stream, "s-2");
  EXPECT_EQ(r.errors, (std::map<std::string, std::uint64_t>{{"409", 1}, {"transport", 1}}));
  EXPECT_EQ(r.error_examples,
            (std::vector<std::string>{"409: HTTP 409: exists", "transport: read: end of stream"}));
  EXPECT_EQ(r.connections_opened, 1u);
}

TEST(RunTallyTest, AnAckWithoutOkIsAuditedButNotAcknowledged) {
  RunTally t;
  LoadOutcome odd = Ok(5);
  odd.ok = false;
  odd.problem = "the receipt has no hash";
  t.Count(true, 1.0, odd, "201");
  EXPECT_EQ(t.result().acknowledged, 0u);
  EXPECT_EQ(t.result().acks.size(), 1u);
  EXPECT_EQ(t.result().errors.at("201"), 1u);
}

TEST(RunTallyTest, ExamplesAreDistinctAndCapped) {
  RunTally t;
  for (int i = 0; i < 30; ++i) t.Count(true, 0, Bad("same"), "500");
  EXPECT_EQ(t.result().error_examples.size(), 1u);
  for (int i = 0; i < 30; ++i) t.Count(true, 0, Bad("distinct " + std::to_string(i)), "500");
  EXPECT_EQ(t.result().error_examples.size(), kMaxErrorExamples);
  EXPECT_EQ(t.result().errors.at("500"), 60u);
}

TEST(RunTallyTest, MergeAddsEverythingAndEmptiesTheTally) {
  RunTally a, b;
  a.Count(true, 1.0, Ok(1), "");
  a.Count(true, 1.0, Bad("x"), "409");
  a.ConnectionOpened();
  b.Count(true, 2.0, Ok(2), "");
  b.Count(false, 2.0, Bad("x"), "409");
  b.Count(true, 2.0, Bad("y"), "transport");
  b.ConnectionOpened();
  b.ConnectionOpened();
  RunResult total;
  total.seconds = 7;
  a.MergeInto(total);
  b.MergeInto(total);
  EXPECT_EQ(total.sent, 4u);
  EXPECT_EQ(total.warmup_sent, 1u);
  EXPECT_EQ(total.acknowledged, 2u);
  EXPECT_EQ(total.latencies_ms, (std::vector<double>{1.0, 2.0}));
  EXPECT_EQ(total.acks.size(), 2u);
  EXPECT_EQ(total.errors, (std::map<std::string, std::uint64_t>{{"409", 2}, {"transport", 1}}));
  EXPECT_EQ(total.error_examples, (std::vector<std::string>{"409: x", "transport: y"}));
  EXPECT_EQ(total.connections_opened, 3u);
  EXPECT_EQ(total.seconds, 7);  // not the tally's business
  EXPECT_EQ(a.result().sent, 0u);
  EXPECT_TRUE(a.result().acks.empty());
}

}  // namespace
}  // namespace hoering::client::load
