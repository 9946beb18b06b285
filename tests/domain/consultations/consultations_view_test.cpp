#include "domain/consultations/consultations_view.h"

#include <gtest/gtest.h>

#include "domain/agreements/agreement_events.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

constexpr TimeMs kDuring = kOpensAt + kDay;

std::vector<std::string> Ids(const std::vector<std::shared_ptr<const ResponseState>>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r->id());
  return out;
}

// A mixed log: two consultations (h-1 on sa-2024, h-2 on sa-2020), responses
// submitted in the order r-b, r-x, r-a, an attachment, citing change sets and
// events of streams the view ignores.
class ConsultationsViewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    ConsultationOpened other{"h-2",           "sa-2020", {1, "v1", std::string(64, '0')},
                             "Gammel høring", kOpensAt,  kClosesAt,
                             {"aarhus"},      "UTC"};
    w.log.Append(ConsultationStream("h-2"), ToEvent(other), kT0);
    w.log.Append("party-aarhus", {"PartyRegistered", 1, {{"id", "aarhus"}}, {}}, kT0);
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
    RecordedEvent e;
    e.position = w.log.events().size() + 1;
    e.stream = agreements::StreamFor("sa-2024");
    e.stream_version = change == "c-2" ? 5 : 6;
    e.type = n.type;
    e.schema_version = n.schema_version;
    e.recorded_at_ms = kDuring + 10;
    e.actor = kSecretariat;
    e.data = n.data.dump();
    extra_.push_back(e);
    w.log.Append(e.stream, n, e.recorded_at_ms);  // keeps positions gapless
    EXPECT_EQ(w.log.events().back().position, e.position);
  }
  World w;
  ConsultationsView view;
  std::vector<RecordedEvent> extra_;
};

TEST_F(ConsultationsViewTest, IndexesResponsesPerConsultationInFirstSubmissionOrder) {
  EXPECT_EQ(Ids(view.ResponsesOf("h-1")), (std::vector<std::string>{"r-b", "r-a"}));
  EXPECT_EQ(Ids(view.ResponsesOf("h-2")), (std::vector<std::string>{"r-x"}));
  EXPECT_TRUE(view.ResponsesOf("nope").empty());
  EXPECT_EQ(view.ResponsesOf("h-1")[0]->revisions().size(), 2u);

  auto c = view.GetConsultation("h-2");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->info().agreement, "sa-2020");
  EXPECT_EQ(view.GetConsultation("h-3").status().type(), "consultation-not-found");
  auto listed = view.ListConsultations("", 10, "sa-2024");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]->info().id, "h-1");
  EXPECT_EQ(view.ListConsultations("h-1", 10, "").size(), 1u);
}

TEST_F(ConsultationsViewTest, GetResponse) {
  auto r = view.GetResponse("r-a");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->party(), "aarhus");
  EXPECT_EQ((*r)->consultation(), "h-1");
  auto missing = view.GetResponse("r-z");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kNotFound);
  EXPECT_EQ(missing.status().type(), "response-not-found");
  // A consultation id is not a response id.
  EXPECT_EQ(view.GetResponse("h-1").status().code(), Code::kNotFound);
}

TEST_F(ConsultationsViewTest, CorruptStreamIsReportedAndLeftOutOfLists) {
  RecordedEvent bad = w.log.Stream(ResponseStream("r-a")).back();
  bad.position = w.log.events().size() + 1;
  bad.stream_version = 2;
  bad.type = kResponseAmended;
  bad.data = R"({"response": "r-a"})";
  view.Apply(bad);
  auto r = view.GetResponse("r-a");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kCorruption);
  EXPECT_EQ(Ids(view.ResponsesOf("h-1")), (std::vector<std::string>{"r-b"}));
}

TEST_F(ConsultationsViewTest, CheckCite) {
  auto expect_invalid = [&](const std::string& agreement, const agreements::Cite& cite) {
    Status s = view.CheckCite(agreement, cite);
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
  EXPECT_TRUE(view.CheckCite("sa-2024", {"r-a", "1"}).ok());
  EXPECT_TRUE(view.CheckCite("sa-2024", {"r-a", "2"}).ok());
  EXPECT_TRUE(view.CheckCite("sa-2020", {"r-x", "2"}).ok());
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

TEST_F(ConsultationsViewTest, AttachmentMetadata) {
  const AttachmentInfo* a = view.FindAttachment(std::string(64, 'c'));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->media_type, "application/pdf");
  EXPECT_EQ(a->size, 1234u);
  EXPECT_EQ(a->position, w.log.Stream(AttachmentStream(std::string(64, 'c')))[0].position);
  EXPECT_EQ(view.FindAttachment(std::string(64, 'd')), nullptr);
}

TEST_F(ConsultationsViewTest, ReadersKeepTheirSnapshot) {
  std::shared_ptr<const ResponseState> held = *view.GetResponse("r-a");
  auto held_list = view.ResponsesOf("h-1");
  std::shared_ptr<const ConsultationState> held_c = *view.GetConsultation("h-1");
  ASSERT_EQ(held->revisions().size(), 1u);

  w.Amend("r-a", SubmissionBody("aarhus", "anonymous"), kDuring + 20);
  w.Close(kDuring + 30);
  const auto& events = w.log.events();
  view.Apply(events[events.size() - 2]);
  view.Apply(events.back());

  EXPECT_EQ(held->revisions().size(), 1u);
  EXPECT_EQ(held->current().content.publication, Publication::kPublic);
  EXPECT_EQ(held_list[1]->revisions().size(), 1u);
  EXPECT_FALSE(held_c->closed_at().has_value());
  auto now = view.GetResponse("r-a");
  ASSERT_TRUE(now.ok());
  EXPECT_EQ((*now)->revisions().size(), 2u);
  EXPECT_EQ((*now)->current().content.publication, Publication::kAnonymous);
  EXPECT_EQ((*view.GetConsultation("h-1"))->closed_at(), kDuring + 30);
  EXPECT_EQ(view.ResponsesOf("h-1")[1]->revisions().size(), 2u);
}

}  // namespace
}  // namespace hoering::consultations
