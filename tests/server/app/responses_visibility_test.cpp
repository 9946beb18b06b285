// Every cell of the visibility matrix (docs/api.md) through the real client:
// readers x publication x before/after close, on the list, the single
// response and its revisions.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "server/app/response_queries.h"
#include "server/http/problem.h"
#include "tests/server/app/consultation_fixture.h"

namespace hoering {
namespace {

using client::Verb;
using testing::ConsultationTest;

enum class Seen { kNothing, kNoAuthor, kNoContact, kFull };

class VisibilityTest : public ConsultationTest {
 protected:
  void SetUp() override {
    ConsultationTest::SetUp();
    for (const char* pub : {"public", "anonymous", "private"}) {
      aarhus_ids_[pub] = Submit(aarhus_, ResponseBody("aarhus", pub));
    }
    withdrawn_ = Submit(aarhus_, ResponseBody("aarhus", "public"));
    ASSERT_TRUE(
        As(aarhus_)
            .Call(Verb::post, "/v1/consultations/h1/responses/" + withdrawn_ + "/withdraw", nullptr)
            .ok());
  }

  // What `api` sees of aarhus' response with `publication`, checked on the
  // single-response, revisions and list routes alike.
  Seen Probe(client::Api& api, const std::string& publication) {
    const std::string id = aarhus_ids_[publication];
    auto one = api.Call(Verb::get, "/v1/consultations/h1/responses/" + id);
    auto revs = api.Call(Verb::get, "/v1/consultations/h1/responses/" + id + "/revisions");
    auto list = api.ListAll("/v1/consultations/h1/responses");
    EXPECT_TRUE(list.ok());
    bool listed = false;
    for (const auto& item : *list) {
      if (item["id"] != id) continue;
      listed = true;
      // The list's item is the single response as this reader sees it (the
      // list's texts are kept per visibility in a cache every reader shares).
      if (one.ok()) EXPECT_EQ(item, one->body);
    }
    if (!one.ok()) {
      EXPECT_EQ(one.error().status, 404);
      EXPECT_EQ(revs.error().status, 404);
      EXPECT_FALSE(listed);
      return Seen::kNothing;
    }
    EXPECT_TRUE(revs.ok());
    EXPECT_TRUE(listed);
    const auto& author = one->body["author"];
    EXPECT_EQ(revs->body["items"][0]["author"], author);
    if (author.is_null()) return Seen::kNoAuthor;
    EXPECT_EQ(author["name"], "Officer of aarhus");
    return author.contains("email") ? Seen::kFull : Seen::kNoContact;
  }

  bool SeesWithdrawn(client::Api& api) {
    return api.Call(Verb::get, "/v1/consultations/h1/responses/" + withdrawn_).ok();
  }

  // The readers who see every response of aarhus: the secretariat, the
  // auditor, aarhus itself and the admin.
  std::vector<std::string> Insiders() const {
    return {secretariat_, auditor_, aarhus_, std::string(testing::kAdminToken)};
  }

  // Every reader in `tokens` sees aarhus' public, anonymous and private
  // responses as `seen` says (in that order), and sees the withdrawn one or not.
  void ExpectReaders(const std::vector<std::string>& tokens, const std::array<Seen, 3>& seen,
                     bool sees_withdrawn) {
    const std::array<const char*, 3> publications = {"public", "anonymous", "private"};
    for (const std::string& token : tokens) {
      SCOPED_TRACE("token " + token);
      auto api = As(token);
      for (std::size_t i = 0; i < publications.size(); ++i) {
        EXPECT_EQ(Probe(api, publications[i]), seen[i]) << publications[i];
      }
      EXPECT_EQ(SeesWithdrawn(api), sees_withdrawn);
    }
  }

  std::map<std::string, std::string> aarhus_ids_;
  std::string withdrawn_;
};

TEST_F(VisibilityTest, BeforeClose) {
  ExpectReaders(Insiders(), {Seen::kFull, Seen::kFull, Seen::kFull}, true);
  ExpectReaders({plo_, ""}, {Seen::kNothing, Seen::kNothing, Seen::kNothing}, false);
}

TEST_F(VisibilityTest, AfterClose) {
  now_->store(kCloses);
  ExpectReaders(Insiders(), {Seen::kFull, Seen::kFull, Seen::kFull}, true);
  ExpectReaders({plo_, ""}, {Seen::kNoContact, Seen::kNoAuthor, Seen::kNothing}, false);
}

TEST_F(VisibilityTest, TheReportAppliesTheSameRules) {
  auto anon = Anonymous();
  auto before = anon.Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(before.ok()) << before.error().detail;
  EXPECT_EQ(before->body["responses"].size(), 0u);
  EXPECT_EQ(before->body["withheld"], 4);
  now_->store(kCloses);
  auto after = anon.Call(Verb::get, "/v1/consultations/h1/report");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->body["responses"].size(), 2u);  // public and anonymous
  EXPECT_EQ(after->body["withheld"], 2);           // private and withdrawn
  auto full = As(auditor_).Call(Verb::get, "/v1/consultations/h1/report");
  EXPECT_EQ(full->body["responses"].size(), 4u);
  EXPECT_EQ(full->body["withheld"], 0);
}

// The API's list is concatenated from texts the response cache keeps
// (ResponsesPageText): byte for byte the JSON of the page the web pages get,
// cold and from the cache, for every visibility, with a next cursor.
TEST_F(VisibilityTest, TheListTextIsThePagesJsonByteForByte) {
  now_->store(kCloses);
  auto& ctx = server_->app().context();
  access::Principal admin, anonymous, stakeholder;
  admin.role = access::Role::kAdmin;
  stakeholder.role = access::Role::kStakeholder;
  stakeholder.party = "plo";
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto* who : {&admin, &anonymous, &stakeholder, &admin}) {
      for (const std::size_t limit : {std::size_t{1}, std::size_t{100}}) {
        app::ResponsesQuery query{"h1", "", limit, "", std::nullopt};
        auto page = app::ResponsesPage(ctx, *who, query);
        auto text = app::ResponsesPageText(ctx, *who, query);
        ASSERT_TRUE(page.ok() && text.ok());
        EXPECT_EQ(*text, http::DumpJson(std::move(page).value().ToJson()))
            << access::RoleName(who->role) << " limit " << limit << " pass " << pass;
      }
    }
  }
  EXPECT_GT(ctx.response_cache.stats().hits, 0u);
}

}  // namespace
}  // namespace hoering
