// POST /v1/agreements/{id}/changes with if_body_sha256 (issue 15) through the
// real client: GET gives each section's body_sha256; a stale one is 412
// "section-changed" naming the section (detail and member `section`) with
// nothing written; an edit of another section goes through.
#include <gtest/gtest.h>

#include "domain/sha256.h"
#include "tests/support/is_problem.h"
#include "tests/support/test_server.h"

namespace hoering {
namespace {

using client::Verb;
using testing::IsProblem;
using testing::TestServer;

class SectionConflict : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(api_.Call(Verb::post, "/v1/agreements", {{"id", "ed"}, {"title", "Editing"}}).ok());
    auto imported = api_.CallRaw(Verb::post, "/v1/agreements/ed/import",
                                 "# Alpha {#a kind=text}\n\nFirst body.\n\n"
                                 "# Beta {#b kind=text}\n\nSecond body.\n",
                                 "text/markdown");
    ASSERT_TRUE(imported.ok()) << imported.error().detail;
  }
  // The body_sha256 GET /v1/agreements/ed shows for section `id`.
  std::string Sha(const std::string& id) {
    auto shown = api_.Call(Verb::get, "/v1/agreements/ed");
    EXPECT_TRUE(shown.ok());
    if (!shown.ok()) return "";
    for (const auto& s : shown->body["sections"]) {
      if (s["id"] == id) return s.value("body_sha256", "");
    }
    return "";
  }
  static nlohmann::json Edit(const std::string& id, const std::string& body,
                             const std::string& sha) {
    return {{"rationale", "edit " + id},
            {"ops", {{{"op", "edit"}, {"id", id}, {"body", body}, {"if_body_sha256", sha}}}}};
  }
  std::uint64_t Head() {
    auto shown = api_.Call(Verb::get, "/v1/agreements/ed");
    return shown.ok() ? std::stoull(shown->etag.substr(1, shown->etag.size() - 2)) : 0;
  }

  TestServer server_;
  client::Api api_ = server_.Client();
};

TEST_F(SectionConflict, GetShowsTheBodySha256OfEachSection) {
  EXPECT_EQ(Sha("a"), ToHex(Sha256("First body.")));
  EXPECT_EQ(Sha("b"), ToHex(Sha256("Second body.")));
}

TEST_F(SectionConflict, AStaleEditIs412NamingTheSectionAndWritesNothing) {
  const std::string seen_a = Sha("a"), seen_b = Sha("b");
  auto other = api_.Call(Verb::post, "/v1/agreements/ed/changes", Edit("a", "Theirs.", seen_a));
  ASSERT_TRUE(other.ok()) << other.error().detail;
  const std::uint64_t before = Head();

  auto stale = api_.Call(Verb::post, "/v1/agreements/ed/changes", Edit("a", "Mine.", seen_a));
  ASSERT_TRUE(IsProblem(stale, 412, "urn:hoering:section-changed"));
  EXPECT_NE(stale.error().detail.find("'a'"), std::string::npos) << stale.error().detail;
  EXPECT_EQ(stale.error().body["section"], "a");
  EXPECT_EQ(stale.error().body["errors"][0]["params"]["body_sha256"], Sha("a"));
  EXPECT_EQ(Head(), before);

  // Another section, read before the other edit, does not conflict.
  auto b = api_.Call(Verb::post, "/v1/agreements/ed/changes", Edit("b", "Mine too.", seen_b));
  ASSERT_TRUE(b.ok()) << b.error().detail;
  EXPECT_EQ(b->status, 201);
  // With the new hash the edit of a applies.
  auto again = api_.Call(Verb::post, "/v1/agreements/ed/changes", Edit("a", "Mine.", Sha("a")));
  ASSERT_TRUE(again.ok()) << again.error().detail;
}

TEST_F(SectionConflict, AMalformedHashIs400) {
  auto bad = api_.Call(Verb::post, "/v1/agreements/ed/changes", Edit("a", "x", "not-a-hash"));
  ASSERT_TRUE(IsProblem(bad, 400, "urn:hoering:malformed-op"));
}

}  // namespace
}  // namespace hoering
