// The request bodies of api_inputs.h: optional fields left out, version
// selectors as numbers or labels.
#include "client/lib/api_inputs.h"

#include <gtest/gtest.h>

namespace hoering::client {
namespace {

using nlohmann::json;

TEST(ApiInputsTest, VersionSelectorIsANumberOnlyForA32BitDecimal) {
  EXPECT_EQ(VersionSelectorJson("3"), json(3));
  EXPECT_EQ(VersionSelectorJson("final"), json("final"));
  EXPECT_EQ(VersionSelectorJson("4294967296"), json("4294967296"));
  EXPECT_EQ(VersionSelectorJson("-1"), json("-1"));
}

TEST(ApiInputsTest, EmptyOptionalFieldsAreLeftOut) {
  EXPECT_EQ(
      ToJson(AgreementInput{"sa", "SA", "", 4, "", {}}),
      (json{{"id", "sa"}, {"title", "SA"}, {"term", {{"years", 4}}}, {"parties", json::array()}}));
  EXPECT_EQ(ToJson(TokenRequest{"admin", "", "ops"}), (json{{"role", "admin"}, {"label", "ops"}}));
  EXPECT_EQ(ToJson(VersionInput{"final", std::nullopt}), (json{{"label", "final"}}));
  EXPECT_EQ(ToJson(ResponseSubmission{json{{"party", "p"}}, ""}), (json{{"party", "p"}}));
  EXPECT_FALSE(
      ToJson(ConsultationInput{"h", "sa", "final", "T", "a", "b", {}, ""}).contains("time_zone"));
}

TEST(ApiInputsTest, DecisionNestsBodySubjectAndBasis) {
  DecisionInput d;
  d.id = "d-1";
  d.body_name = "Regionsrådet";
  d.party = "rm";
  d.meeting_date = "2024-01-02";
  d.agreement = "sa";
  d.version = "2";
  d.outcome = "approved_with_conditions";
  d.final_for_party = true;
  d.conditions = {{"Report", "rm", "2024-06-01"}};
  d.basis_responses = {"r-1"};
  d.note = "n";
  EXPECT_EQ(ToJson(d),
            (json{{"id", "d-1"},
                  {"body", {{"name", "Regionsrådet"}, {"party", "rm"}}},
                  {"meeting_date", "2024-01-02"},
                  {"subject", {{"agreement", "sa"}, {"version", 2}}},
                  {"outcome", "approved_with_conditions"},
                  {"final_for_party", true},
                  {"conditions", {{{"text", "Report"}, {"party", "rm"}, {"due", "2024-06-01"}}}},
                  {"recommendations", json::array()},
                  {"basis", {{"consultations", json::array()}, {"responses", {"r-1"}}}},
                  {"absent", json::array()},
                  {"note", "n"}}));
}

}  // namespace
}  // namespace hoering::client
