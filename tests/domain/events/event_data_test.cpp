#include "domain/events/event_data.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace hoering::events {
namespace {

using nlohmann::json;

TEST(ReadEventData, ReturnsWhatTheReaderReads) {
  auto r = ReadEventData("decision", "DecisionRecorded", [] { return 7; });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 7);
}

TEST(ReadEventData, AThrowIsCorruptionNamingStreamAndWhat) {
  const json j = {{"id", 1}};
  auto r = ReadEventData("consultation", "ConsultationOpened",
                         [&] { return j.at("title").get<std::string>(); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kCorruption);
  EXPECT_EQ(r.status().type(), "corruption");
  EXPECT_EQ(
      r.status().detail().rfind("stored consultation event is malformed: ConsultationOpened: ", 0),
      0u)
      << r.status().detail();
  auto bad = ReadEventData("response", "revision",
                           []() -> int { throw std::invalid_argument("bad outcome"); });
  EXPECT_EQ(bad.status().detail(), "stored response event is malformed: revision: bad outcome");
}

TEST(EventDataFields, TimeAtAndOptionalText) {
  const json j = {{"at", "2024-05-01T10:00:00.000Z"},
                  {"bad", "soon"},
                  {"name", "x"},
                  {"none", nullptr},
                  {"number", 3}};
  EXPECT_EQ(FormatRfc3339Ms(TimeAt(j, "at")), "2024-05-01T10:00:00.000Z");
  EXPECT_THROW(TimeAt(j, "bad"), std::invalid_argument);
  EXPECT_THROW(TimeAt(j, "missing"), json::exception);
  EXPECT_EQ(OptionalText(j, "name"), "x");
  EXPECT_EQ(OptionalText(j, "none"), std::nullopt);
  EXPECT_EQ(OptionalText(j, "missing"), std::nullopt);
  EXPECT_THROW(OptionalText(j, "number"), json::exception);
}

}  // namespace
}  // namespace hoering::events
