// The fast reader of response revisions (domain/consultations/
// response_revision_reader.h): whenever it returns a value, that value is
// what ResponseRevisionFromJson reads from the same data; data off the
// writers' shape leaves its path (nullopt) instead of being read otherwise.
#include "domain/consultations/response_revision_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hoering::consultations {
namespace {

using nlohmann::json;

Result<ResponseRevisionEvent> Slow(const std::string& data) {
  return ResponseRevisionFromJson(json::parse(data));
}

ResponseRevisionEvent Revision(int variant) {
  ResponseRevisionEvent e;
  e.response = "r-" + std::to_string(variant);
  e.consultation = "h1";
  e.agreement = "sa";
  e.revision = variant % 3 == 0 ? 1 : static_cast<std::uint32_t>(variant % 7 + 2);
  e.submitted_at = 1796285608670 + variant;
  if (e.revision == 1) {
    e.late = variant % 2 == 0;
    if (e.late) e.late_reason = "Posten kom sent \"igen\"";
    if (variant % 4 == 0) e.received_at = 1796285600000;
  }
  ResponseContent& c = e.content;
  c.party = variant % 2 ? "aarhus" : "region-midtjylland";
  c.author = {"Jens Æblegård",
              variant % 2 ? std::optional<std::string>("j@example.dk") : std::nullopt};
  if (variant % 5) c.summary = "Resumé\nmed linjeskift, \\ og \u0001 og 🙂";
  for (int p = 0; p < variant % 4 + 1; ++p) {
    Point point;
    point.text = "Punkt " + std::to_string(p) + ": Ældre medicinske patienter \"citat\"";
    if (p % 2 == 0) point.section = "kap-" + std::to_string(p + 1);
    if (p % 3 == 0) point.quote = "et styrket samarbejde";
    c.points.push_back(point);
  }
  c.publication = variant % 3 == 0   ? Publication::kPublic
                  : variant % 3 == 1 ? Publication::kAnonymous
                                     : Publication::kPrivate;
  if (variant % 2) {
    c.attachments.push_back(
        {"bilag 1.pdf", "application/pdf", 123456789012ull, std::string(64, 'a')});
  }
  return e;
}

TEST(ResponseRevisionReaderTest, ReadsWhatTheWritersWriteAsTheJsonReaderDoes) {
  for (int variant = 0; variant < 60; ++variant) {
    const ResponseRevisionEvent e = Revision(variant);
    const std::string data = ToEvent(e).data.dump();
    auto fast = ReadResponseRevisionFast(data);
    ASSERT_TRUE(fast.has_value()) << data;
    EXPECT_EQ(*fast, e) << data;
    EXPECT_EQ(*fast, *Slow(data)) << data;
  }
}

// Off the shape: the fast reader steps aside, or (for what it accepts) agrees.
TEST(ResponseRevisionReaderTest, DataOffTheWritersShapeLeavesTheFastPath) {
  json base = ToEvent(Revision(3)).data;
  auto with = [&](const std::string& key, json value) {
    json d = base;
    d[key] = std::move(value);
    return d.dump();
  };
  auto without = [&](const std::string& key) {
    json d = base;
    d.erase(key);
    return d.dump();
  };
  std::string dumped = base.dump();
  const std::string twice = "{\"party\":\"x\"," + dumped.substr(1);  // "party" twice
  const std::vector<std::string> off = {
      twice,
      with("revision", -1),
      with("revision", 1.0),
      with("revision", 4294967296ull),
      with("late", nullptr),
      with("late", "yes"),
      with("received_at", nullptr),
      with("submitted_at", "yesterday"),
      with("publication", "secret"),
      with("points", json::object()),
      with("points", json::array({json::object({{"text", 1}})})),
      with("attachments", json::array({json::object({{"filename", "a"}})})),
      with("author", json::object({{"email", "x@y"}})),
      with("summary", 5),
      without("party"),
      without("attachments"),
      "[1, 2]",
      "{\"response\": \"r\"",
      "{\"response\": \"\xff\"}",
  };
  for (const std::string& data : off) {
    EXPECT_FALSE(ReadResponseRevisionFast(data).has_value()) << data;
  }
  // What both read: nulls for optional texts, unknown keys, any key order.
  for (const std::string& data :
       {with("summary", nullptr), with("future_field", json::array({1, 2})),
        "{\"submitted_at\":" + base["submitted_at"].dump() + "," +
            without("submitted_at").substr(1)}) {
    auto fast = ReadResponseRevisionFast(data);
    auto slow = Slow(data);
    ASSERT_EQ(fast.has_value(), slow.ok()) << data;
    if (fast) EXPECT_EQ(*fast, *slow) << data;
  }
}

}  // namespace
}  // namespace hoering::consultations
