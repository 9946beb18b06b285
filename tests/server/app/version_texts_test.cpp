// Agreement version texts folded from the log on demand and kept in a cache
// bounded by bytes (server/app/version_texts.h).
#include "server/app/version_texts.h"

#include <gtest/gtest.h>

#include "domain/agreements/agreement_queries.h"
#include "domain/agreements/agreements_view.h"
#include "domain/agreements/text_json.h"
#include "storage/memory_event_store.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::app {
namespace {

namespace ag = agreements;
using agreements::testing::Add;

class VersionTextsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    history.Create();
    history.MustChange(consultations::dtest::AgreementText());
    history.MustPublish("v1");
    history.MustChange(nlohmann::json::array({Add("tillaeg", "Tillæg", "", "chapter", "Mere.")}));
    history.MustPublish("v2");
    history.MustChange(nlohmann::json::array({Add("sidst", "Sidst", "", "chapter", "Til sidst.")}));
    for (const auto& e : history.events()) {
      AppendRequest r;
      r.stream = e.stream;
      r.events = {NewEvent{e.type, e.schema_version, nlohmann::json::parse(e.data), {}}};
      ASSERT_TRUE(store.Append(std::move(r)).ok());
    }
    view = history.State(ag::kViewFoldOptions);
  }
  ag::testing::History history;
  MemoryEventStore store;
  ag::AgreementState view;
};

TEST_F(VersionTextsTest, FoldsEachVersionsTextFromTheLogAndKeepsTheRecentOnes) {
  ASSERT_EQ(view.versions().size(), 2u);
  EXPECT_EQ(view.FindVersion(1)->text, nullptr);  // the view keeps none
  const ag::AgreementState full = history.State();
  // Room for the text of version 2 alone (version 1's is smaller).
  VersionTexts texts(store, VersionTexts::CostOf(*full.FindVersion(2)->text));
  auto v1 = texts.Get("sa-2024", *view.FindVersion(1));
  ASSERT_TRUE(v1.ok()) << v1.status().detail();
  EXPECT_EQ(ag::TextHash(**v1), view.FindVersion(1)->hash);
  EXPECT_EQ(ag::TextHash(**v1), ag::TextHash(*full.FindVersion(1)->text));
  EXPECT_EQ(texts.Get("sa-2024", *view.FindVersion(1))->get(), v1->get());  // cached
  auto v2 = texts.Get("sa-2024", *view.FindVersion(2));
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(ag::TextHash(**v2), view.FindVersion(2)->hash);
  EXPECT_NE(ag::TextHash(**v2), ag::TextHash(**v1));
  // Version 1 was dropped to make room and is folded again (an equal text).
  auto again = texts.Get("sa-2024", *view.FindVersion(1));
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->get(), v1->get());
  EXPECT_EQ(ag::TextHash(**again), ag::TextHash(**v1));

  // Through the domain's selectors, as the diff and text routes use it.
  std::vector<ag::AtSelector> ats = {*ag::ParseAtSelector("1"), *ag::ParseAtSelector("v2")};
  auto resolved = ag::ResolveTexts(view, {}, ats, texts.For("sa-2024"));
  ASSERT_TRUE(resolved.ok()) << resolved.status().detail();
  EXPECT_TRUE((*resolved)[0].at_version);
  EXPECT_EQ(ag::TextHash(*(*resolved)[1].text), view.FindVersion(2)->hash);
  EXPECT_EQ(ag::ResolveTexts(view, {}, ats).status().type(), "needs-events");
}

TEST_F(VersionTextsTest, AVersionTheLogDoesNotFoldToIsCorruption) {
  VersionTexts texts(store);
  ag::VersionInfo forged = *view.FindVersion(1);
  forged.hash = std::string(64, 'a');
  EXPECT_EQ(texts.Get("sa-2024", forged).status().code(), Code::kCorruption);
  EXPECT_EQ(texts.Get("sa-2020", *view.FindVersion(1)).status().code(), Code::kCorruption);
}

}  // namespace
}  // namespace hoering::app
