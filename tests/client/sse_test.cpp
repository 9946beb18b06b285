#include "client/lib/sse.h"

#include <gtest/gtest.h>

namespace hoering::client {
namespace {

std::vector<SseEvent> Parse(const std::vector<std::string>& chunks) {
  SseParser p;
  std::vector<SseEvent> out;
  for (const auto& c : chunks) p.Feed(c, [&](const SseEvent& e) { out.push_back(e); });
  return out;
}

TEST(SseParserTest, ParsesTheServerFrame) {
  auto events = Parse({"id: 7\nevent: PartyRegistered\ndata: {\"position\":7}\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, "7");
  EXPECT_EQ(events[0].event, "PartyRegistered");
  EXPECT_EQ(events[0].data, "{\"position\":7}");
}

TEST(SseParserTest, NothingIsDeliveredBeforeTheBlankLine) {
  EXPECT_TRUE(Parse({"id: 1\ndata: x\n"}).empty());
}

TEST(SseParserTest, SplitsAnywhereIncludingInsideCrLf) {
  const std::string stream = "id: 1\r\nevent: A\r\ndata: one\r\n\r\nid: 2\r\ndata: two\r\n\r\n";
  std::vector<std::string> bytes;
  for (char c : stream) bytes.emplace_back(1, c);
  auto one_by_one = Parse(bytes);
  auto whole = Parse({stream});
  ASSERT_EQ(one_by_one.size(), 2u);
  ASSERT_EQ(whole.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(one_by_one[i].id, whole[i].id);
    EXPECT_EQ(one_by_one[i].data, whole[i].data);
    EXPECT_EQ(one_by_one[i].event, whole[i].event);
  }
  EXPECT_EQ(whole[1].data, "two");
  EXPECT_EQ(whole[1].event, "message");  // the event name does not carry over
}

TEST(SseParserTest, JoinsDataLinesAndIgnoresComments) {
  auto events = Parse({": keep-alive\n\ndata: a\ndata:b\ndata\nunknown: z\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "a\nb\n");
}

TEST(SseParserTest, IdPersistsAndEventsWithoutDataAreNotDispatched) {
  SseParser p;
  std::vector<SseEvent> out;
  auto sink = [&](const SseEvent& e) { out.push_back(e); };
  p.Feed("id: 5\nevent: X\n\n", sink);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(p.last_event_id(), "5");
  p.Feed("data: y\n\n", sink);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].id, "5");
  EXPECT_EQ(out[0].event, "message");
}

TEST(SseParserTest, CarriageReturnAloneEndsALineAndRetryIsParsed) {
  auto events = Parse({"retry: 1500\rdata: z\r\r", "retry: soon\ndata: w\n\n"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, "z");
  EXPECT_EQ(events[0].retry, 1500u);
  EXPECT_FALSE(events[1].retry.has_value());
}

TEST(SseParserTest, LeadingByteOrderMarkIsSkippedEvenWhenSplit) {
  auto events = Parse({"\xEF", "\xBB",
                       "\xBF"
                       "data: bom\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "bom");
  auto plain = Parse({"d", "ata: x\n\n"});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].data, "x");
}

}  // namespace
}  // namespace hoering::client
