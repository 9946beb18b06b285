#include "domain/consultations/report.h"

#include <gtest/gtest.h>

#include "tests/domain/consultations/domain_fixture.h"
#include "tests/domain/consultations/report_input_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

constexpr TimeMs kAfter = kClosesAt + 5 * kDay;
const char* kOldBody = "Parterne samarbejder om\nsundhed  og trivsel.\n\nDet gælder alle borgere.";
const char* kNewBody =
    "Parterne samarbejder tæt om\nsundhed  og trivsel.\n\nDet gælder de fleste borgere.";

json Single(const std::string& text) {
  return json::array({json{{"section", "samarbejde"}, {"text", text}}});
}

// Consultation h-1 on version 1 of sa-2024, invited region-midt, aarhus, kl.
//   r-1 aarhus, public, 2 points: 1 accepted (c-2), 2 undecided and cited by c-3
//   r-2 region-midt, anonymous, 2 points, withdrawn; point 1 noted
//   r-3 odense (not invited), anonymous, late, 1 point not accepted
//   r-4 kl, private, 1 point out of scope
// After version 1 the agreement records c-2 (edits "samarbejde") and c-3.
class ReportTest : public ReportInputTest {
 protected:
  void SetUp() override {
    OpenConsultation cmd = OpenCmd();
    cmd.invited = {"region-midt", "aarhus", "kl"};
    w.Open(cmd);
    w.agreement.MustChange(
        json::array({{{"op", "edit"}, {"id", "samarbejde"}, {"body", kNewBody}}}),
        "Høringssvar fra Aarhus");
    w.agreement.MustChange(json::array({agreements::testing::Add("ny", "Ny")}), "Tilføjet");
    w.Submit("r-1", SubmissionBody("aarhus", "public"), kDuring);
    w.Submit("r-2", SubmissionBody("region-midt", "anonymous"), kDuring + 1);
    w.Withdraw("r-2", kDuring + 2);
    json late = SubmissionBody("odense", "anonymous");
    late["points"] = Single("For sent, men vigtigt.");
    late["accept_late"] = {{"reason", "Posten"}};
    w.Submit("r-3", late, kClosesAt + 1);
    json priv = SubmissionBody("kl", "private");
    priv["points"] = Single("Fortroligt.");
    w.Submit("r-4", priv, kDuring + 3);
    w.Dispose("r-1", 1, Outcome::kAccepted, kClosesAt + kDay, {"c-2"});
    w.Dispose("r-2", 1, Outcome::kNoted, kClosesAt + kDay);
    w.Dispose("r-3", 1, Outcome::kNotAccepted, kClosesAt + kDay);
    w.Dispose("r-4", 1, Outcome::kOutOfScope, kClosesAt + kDay);

    FillInput({"r-1", "r-2", "r-3", "r-4"});
    in.party = [](const std::string& p) -> std::optional<PartyFacts> {
      if (p == "aarhus") return PartyFacts{"Aarhus Kommune", "municipality"};
      return std::nullopt;
    };
    in.cited_by = [](const std::string& r, std::uint32_t n) -> std::vector<std::string> {
      if (r == "r-1" && n == 2) return {"c-3"};
      if (r == "r-2" && n == 1) return {"c-3"};
      return {};
    };
    in.now = kAfter;
    in.as_of_position = 99;
  }
  json Build(const Reader& reader, TimeMs now) {
    in.reader = reader;
    in.now = now;
    return BuildReport(in);
  }
  static const json& Party(const json& report, const std::string& id) {
    for (const auto& p : report["parties"]) {
      if (p["party"] == id) return p;
    }
    static const json none;
    ADD_FAILURE() << "no party row " << id;
    return none;
  }
};

TEST_F(ReportTest, PrivilegedReaderSeesEverythingAndTotalsSkipWithdrawn) {
  const json r = Build({true, std::nullopt}, kAfter);
  EXPECT_EQ(r["withheld"], 0);
  EXPECT_EQ(r["as_of_position"], 99);
  EXPECT_EQ(r["generated_at"], FormatRfc3339(kAfter));
  EXPECT_EQ(r["consultation"]["state"], "closed");
  EXPECT_EQ(r["consultation"]["version"]["number"], 1);
  EXPECT_EQ(r["consultation"]["agreement_title"], "Sundhedsaftalen 2024-2027");
  ASSERT_EQ(r["responses"].size(), 4u);
  EXPECT_EQ(r["responses"][0]["id"], "r-1");
  EXPECT_EQ(r["responses"][1]["withdrawn"], true);
  EXPECT_EQ(r["responses"][1]["withdrawal_reason"], "merged");
  EXPECT_EQ(r["responses"][2]["late"], true);
  EXPECT_EQ(r["responses"][2]["late_reason"], "Posten");
  EXPECT_EQ(r["responses"][0]["author"]["email"], "anne@aarhus.dk");
  EXPECT_EQ(r["responses"][0]["party_name"], "Aarhus Kommune");

  const json& t = r["totals"];
  EXPECT_EQ(t["responses"], 4);
  EXPECT_EQ(t["withdrawn"], 1);
  EXPECT_EQ(t["late"], 1);
  EXPECT_EQ(t["points"], 4);  // r-2's two points are not counted
  EXPECT_EQ(t["outcomes"], json({{"accepted", 1},
                                 {"partially_accepted", 0},
                                 {"not_accepted", 1},
                                 {"noted", 0},
                                 {"out_of_scope", 1},
                                 {"undecided", 1}}));

  ASSERT_EQ(r["parties"].size(), 4u);
  const char* order[] = {"region-midt", "aarhus", "kl", "odense"};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(r["parties"][i]["party"], order[i]);
  EXPECT_EQ(Party(r, "region-midt"), json({{"party", "region-midt"},
                                           {"name", "region-midt"},
                                           {"kind", ""},
                                           {"invited", true},
                                           {"responded", false},
                                           {"responses", json::array({"r-2"})},
                                           {"late", false},
                                           {"withdrawn", true}}));
  EXPECT_EQ(Party(r, "aarhus")["name"], "Aarhus Kommune");
  EXPECT_EQ(Party(r, "aarhus")["kind"], "municipality");
  EXPECT_EQ(Party(r, "aarhus")["responded"], true);
  EXPECT_EQ(Party(r, "kl")["responses"], json::array({"r-4"}));
  EXPECT_EQ(Party(r, "odense")["invited"], false);
  EXPECT_EQ(Party(r, "odense")["responded"], true);
  EXPECT_EQ(Party(r, "odense")["late"], true);
}

TEST_F(ReportTest, PointsCarryDispositionsChangesAndHeadings) {
  auto excerpts = ChangeExcerpts(w.agreement.events(), ChangesInReport(in));
  ASSERT_TRUE(excerpts.ok()) << excerpts.status().detail();
  in.excerpts = *excerpts;
  const json r = Build({true, std::nullopt}, kAfter);
  const json& p1 = r["responses"][0]["points"][0];
  EXPECT_EQ(p1["section_heading"], "Samarbejde");
  EXPECT_EQ(p1["disposition"]["outcome"], "accepted");
  EXPECT_EQ(p1["disposition"]["changes"], json::array({"c-2"}));
  ASSERT_EQ(p1["changes"].size(), 1u);
  EXPECT_EQ(p1["changes"][0]["change"], "c-2");
  EXPECT_EQ(p1["changes"][0]["rationale"], "Høringssvar fra Aarhus");
  EXPECT_EQ(p1["changes"][0]["sections"][0]["id"], "samarbejde");
  const json& p2 = r["responses"][0]["points"][1];
  EXPECT_TRUE(p2["disposition"].is_null());
  EXPECT_TRUE(p2["section_heading"].is_null());
  ASSERT_EQ(p2["changes"].size(), 1u);
  EXPECT_EQ(p2["changes"][0]["change"], "c-3");
  EXPECT_EQ(p2["changes"][0]["rationale"], "Tilføjet");
}

TEST_F(ReportTest, AnonymousReaderBeforeCloseSeesNothing) {
  const json r = Build({}, kDuring + 10);
  EXPECT_EQ(r["consultation"]["state"], "open");
  EXPECT_EQ(r["withheld"], 4);
  EXPECT_TRUE(r["responses"].empty());
  EXPECT_EQ(r["totals"]["responses"], 0);
  EXPECT_EQ(r["totals"]["points"], 0);
  EXPECT_EQ(r["totals"]["outcomes"]["undecided"], 0);
  EXPECT_EQ(r["totals"]["outcomes"]["accepted"], 0);
  // Invited parties are listed, but nothing reveals who responded.
  for (const auto& p : r["parties"]) {
    EXPECT_EQ(p["responded"], false) << p.dump();
    EXPECT_TRUE(p["responses"].empty()) << p.dump();
    EXPECT_EQ(p["invited"], true) << p.dump();
  }
  EXPECT_EQ(r.dump().find("odense"), std::string::npos) << "an uninvited respondent is revealed";
  // A stakeholder sees its own response and nothing else.
  const json own = Build({false, std::string("aarhus")}, kDuring + 10);
  EXPECT_EQ(own["withheld"], 3);
  ASSERT_EQ(own["responses"].size(), 1u);
  EXPECT_EQ(own["responses"][0]["author"]["email"], "anne@aarhus.dk");
}

TEST_F(ReportTest, AnonymousReaderAfterClose) {
  const json r = Build({}, kAfter);
  EXPECT_EQ(r["withheld"], 2);  // r-2 withdrawn, r-4 private
  ASSERT_EQ(r["responses"].size(), 2u);
  EXPECT_EQ(r["responses"][0]["id"], "r-1");
  EXPECT_EQ(r["responses"][0]["author"], json({{"name", "Anne Jensen"}}));
  EXPECT_EQ(r["responses"][1]["id"], "r-3");
  EXPECT_TRUE(r["responses"][1]["author"].is_null());
  EXPECT_EQ(r.dump().find("anne@aarhus.dk"), std::string::npos);
  EXPECT_EQ(r["totals"]["points"], 3);
  EXPECT_EQ(r["totals"]["withdrawn"], 0);
  EXPECT_EQ(r["totals"]["outcomes"], json({{"accepted", 1},
                                           {"partially_accepted", 0},
                                           {"not_accepted", 1},
                                           {"noted", 0},
                                           {"out_of_scope", 0},
                                           {"undecided", 1}}));
  EXPECT_EQ(Party(r, "region-midt")["responses"], json::array());
  EXPECT_EQ(Party(r, "region-midt")["withdrawn"], false);
  EXPECT_EQ(Party(r, "kl")["responded"], false);
  EXPECT_EQ(Party(r, "odense")["responded"], true);
}

TEST_F(ReportTest, HiddenResponsesDoNotRevealUninvitedParties) {
  w.Submit("r-5", SubmissionBody("viborg", "private"), kDuring + 4);
  in.responses.push_back(std::make_shared<const ResponseState>(w.Response("r-5")));
  const json anonymous = Build({}, kAfter);
  EXPECT_EQ(anonymous["withheld"], 3);
  EXPECT_EQ(anonymous["parties"].size(), 4u);
  EXPECT_EQ(anonymous.dump().find("viborg"), std::string::npos);
  EXPECT_EQ(Build({false, std::string("aarhus")}, kAfter).dump().find("viborg"), std::string::npos);
  const json own = Build({false, std::string("viborg")}, kAfter);
  EXPECT_EQ(Party(own, "viborg")["responded"], true);
  EXPECT_EQ(Party(own, "viborg")["invited"], false);
  const json all = Build({true, std::nullopt}, kAfter);
  ASSERT_EQ(all["parties"].size(), 5u);
  EXPECT_EQ(all["parties"][4]["party"], "viborg");
}

TEST_F(ReportTest, ChangesInReportHasDispositionAndCitingChanges) {
  EXPECT_EQ(ChangesInReport(in), (std::set<std::string>{"c-2", "c-3"}));
  in.cited_by = nullptr;
  EXPECT_EQ(ChangesInReport(in), (std::set<std::string>{"c-2"}));
}

TEST_F(ReportTest, ChangeExcerptsShowTheEditedSection) {
  auto ex = ChangeExcerpts(w.agreement.events(), {"c-2", "c-9"});
  ASSERT_TRUE(ex.ok()) << ex.status().detail();
  ASSERT_EQ(ex->size(), 1u);
  ASSERT_TRUE(ex->count("c-2"));
  const json& sections = ex->at("c-2");
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0]["id"], "samarbejde");
  EXPECT_EQ(sections[0]["heading"], "Samarbejde");
  EXPECT_EQ(sections[0]["status"], "modified");
  std::string from, to, inserted, deleted;
  for (const auto& run : sections[0]["excerpt"]) {
    const auto op = run["op"].get<std::string>();
    const auto text = run["text"].get<std::string>();
    if (op != "insert") from += text;
    if (op != "delete") to += text;
    if (op == "insert") inserted += text;
    if (op == "delete") deleted += text;
  }
  EXPECT_EQ(from, kOldBody);
  EXPECT_EQ(to, kNewBody);
  EXPECT_NE(inserted.find("tæt"), std::string::npos) << inserted;
  EXPECT_NE(inserted.find("de fleste"), std::string::npos) << inserted;
  EXPECT_NE(deleted.find("alle"), std::string::npos) << deleted;

  auto added = ChangeExcerpts(w.agreement.events(), {"c-3"});
  ASSERT_TRUE(added.ok());
  ASSERT_EQ(added->at("c-3").size(), 1u);
  EXPECT_EQ(added->at("c-3")[0]["id"], "ny");
  EXPECT_EQ(added->at("c-3")[0]["status"], "added");
  // c-1 added all three sections of the text.
  EXPECT_EQ(ChangeExcerpts(w.agreement.events(), {"c-1"})->at("c-1").size(), 3u);
}

}  // namespace
}  // namespace hoering::consultations
