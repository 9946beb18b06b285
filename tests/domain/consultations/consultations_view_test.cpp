#include "domain/consultations/consultations_view.h"

#include <gtest/gtest.h>

#include "domain/agreements/agreement_events.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

// A mixed log: two consultations (h-1 on sa-2024, h-2 on sa-2020), responses
// submitted in the order r-b, r-x, r-a, an attachment, citing change sets and
// events of streams the view ignores.
class ConsultationsViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    w.OpenOnAnotherAgreement();
    w.Submit("r-b", SubmissionBody("region-midt"), kDuring);
    w.Submit("r-x", SubmissionBody("aarhus"), kDuring + 1, "h-2");
    w.Submit("r-a", SubmissionBody("aarhus"), kDuring + 2);
    w.Amend("r-b", SubmissionBody("region-midt", "private"), kDuring + 3);
    w.log.Append(
        AttachmentStream(std::string(64, 'c')),
        ToEvent(AttachmentStored{std::string(64, 'c'), "application/pdf", 1234, "JVBERi0="}),
        kDuring + 4);
    Cite("c-2", {{"r-a", "1"}, {"r-a", "2"}, {"r-b", "1"}, {"r-a", "0"}, {"r-a", "p-1"}});
    Cite("c-3", {{"r-a", "1"}});
    for (const auto& e : w.log.events()) view.Apply(e);
  }
  // A ChangeSetRecorded on "agreement-sa-2024", sealed as the store would.
  void Cite(const std::string& change, std::vector<agreements::Cite> cites) {
    agreements::ChangeSetRecorded cs{"sa-2024", change, "Høringssvar", std::move(cites), {}, "api"};
    const NewEvent n = agreements::ToEvent(cs);
    const std::uint64_t version = change == "c-2" ? 5 : 6;
    extra_.push_back(
        hoering::testing::RecordAs(n, {w.log.NextPosition(), agreements::StreamFor("sa-2024"),
                                       version, kDuring + 10, kSecretariat}));
    w.log.Append(extra_.back().stream, n, kDuring + 10);  // keeps positions gapless
    EXPECT_EQ(w.log.events().back().position, extra_.back().position);
  }
  World w;
  ConsultationsView view;
  std::vector<RecordedEvent> extra_;
};

TEST_F(ConsultationsViewTest, ConsultationsByIdAndAgreement) {
  auto c = view.GetConsultation("h-2");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->info().agreement, "sa-2020");
  EXPECT_EQ(view.GetConsultation("h-3").status().type(), "consultation-not-found");
  auto listed = view.ListConsultations("", 10, "sa-2024");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]->info().id, "h-1");
  EXPECT_EQ(view.ListConsultations("h-1", 10, "").size(), 1u);
}

TEST_F(ConsultationsViewTest, HoldsNoResponses) {
  // Response streams are the response index's and the log's: the view's
  // snapshot has no trace of them.
  const json snapshot = view.Snapshot();
  std::vector<std::string> keys;
  for (const auto& item : snapshot.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"citations", "consultations"}));
  EXPECT_EQ(snapshot.dump().find("application/pdf"), std::string::npos);
}

TEST_F(ConsultationsViewTest, CheckCite) {
  const ResponseState a = w.Response("r-a"), x = w.Response("r-x");
  auto of = [&](const std::string& id) -> const ResponseState* {
    return id == "r-a" ? &a : id == "r-x" ? &x : nullptr;
  };
  auto check = [&](const std::string& agreement, const agreements::Cite& cite) {
    return CheckCite(agreement, cite, of(cite.response));
  };
  auto expect_invalid = [&](const std::string& agreement, const agreements::Cite& cite) {
    Status s = check(agreement, cite);
    EXPECT_EQ(s.code(), Code::kUnprocessable) << cite.response << " " << cite.point;
    EXPECT_EQ(s.type(), "invalid-citation") << cite.response << " " << cite.point;
  };
  expect_invalid("sa-2024", {"r-z", "1"});
  expect_invalid("sa-2024", {"r-x", "1"});  // r-x answers a consultation on sa-2020
  expect_invalid("sa-2020", {"r-a", "1"});
  expect_invalid("sa-2024", {"r-a", "0"});
  expect_invalid("sa-2024", {"r-a", "3"});  // r-a has 2 points
  expect_invalid("sa-2024", {"r-a", "p-1"});
  expect_invalid("sa-2024", {"r-a", "-1"});
  EXPECT_TRUE(check("sa-2024", {"r-a", "1"}).ok());
  EXPECT_TRUE(check("sa-2024", {"r-a", "2"}).ok());
  EXPECT_TRUE(check("sa-2020", {"r-x", "2"}).ok());
}

TEST_F(ConsultationsViewTest, CitationsComeFromChangeSetsInLogOrder) {
  const std::uint64_t c2 = extra_[0].position, c3 = extra_[1].position;
  auto one = view.CitationsOf("r-a", 1);
  ASSERT_EQ(one.size(), 2u);
  EXPECT_EQ(one[0].change, "c-2");
  EXPECT_EQ(one[0].agreement, "sa-2024");
  EXPECT_EQ(one[0].position, c2);
  EXPECT_EQ(one[1].change, "c-3");
  EXPECT_EQ(one[1].position, c3);
  ASSERT_EQ(view.CitationsOf("r-a", 2).size(), 1u);
  ASSERT_EQ(view.CitationsOf("r-b", 1).size(), 1u);
  EXPECT_TRUE(view.CitationsOf("r-a", 3).empty());
  EXPECT_TRUE(view.CitationsOf("r-a", 0).empty());  // "0" and "p-1" are not point numbers
  EXPECT_TRUE(view.CitationsOf("r-x", 1).empty());

  const auto all = view.CitationsOfResponse("r-a");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], (PointCitation{1, one[0]}));
  EXPECT_EQ(all[1], (PointCitation{1, one[1]}));
  EXPECT_EQ(all[2], (PointCitation{2, view.CitationsOf("r-a", 2)[0]}));
  EXPECT_EQ(view.CitationsOfResponse("r-b").size(), 1u);
  EXPECT_TRUE(view.CitationsOfResponse("r-").empty()) << "a prefix of an id is another id";
  EXPECT_TRUE(view.CitationsOfResponse("r-x").empty());

  // Sealed by hand, directly into a fresh view.
  ConsultationsView fresh;
  for (const auto& e : extra_) fresh.Apply(e);
  ASSERT_EQ(fresh.CitationsOf("r-a", 1).size(), 2u);
  // A ChangeSetRecorded on another kind of stream is not a citation.
  RecordedEvent elsewhere = extra_[0];
  elsewhere.stream = "notes-sa-2024";
  ConsultationsView ignored;
  ignored.Apply(elsewhere);
  EXPECT_TRUE(ignored.CitationsOf("r-a", 1).empty());
}

TEST_F(ConsultationsViewTest, ReadersKeepTheirSnapshot) {
  std::shared_ptr<const ConsultationState> held_c = *view.GetConsultation("h-1");
  w.Close(kDuring + 30);
  view.Apply(w.log.events().back());
  EXPECT_FALSE(held_c->closed_at().has_value());
  EXPECT_EQ((*view.GetConsultation("h-1"))->closed_at(), kDuring + 30);
}

}  // namespace
}  // namespace hoering::consultations
