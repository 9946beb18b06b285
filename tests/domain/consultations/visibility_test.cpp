#include "domain/consultations/visibility.h"

#include <gtest/gtest.h>

#include "domain/consultations/consultation_json.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using namespace dtest;  // NOLINT

// The name of a visibility, for failure messages.
std::string Name(Visibility v) {
  static constexpr const char* kNames[] = {"hidden", "without-author", "without-contact", "full"};
  static_assert(static_cast<int>(Visibility::kFull) == 3, "kNames follows the enum's order");
  return kNames[static_cast<int>(v)];
}

// Responses of party "aarhus", one per publication, each also withdrawn.
class VisibilityMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    w.Open();
    for (const char* pub : {"public", "anonymous", "private"}) {
      w.Submit(std::string(pub), SubmissionBody("aarhus", pub), kDuring);
      w.Submit(std::string(pub) + "-w", SubmissionBody("aarhus", pub), kDuring);
      w.Withdraw(std::string(pub) + "-w", kDuring + 1);
    }
  }
  World w;
};

TEST_F(VisibilityMatrix, EveryCell) {
  struct NamedReader {
    const char* name;
    Reader reader;
    bool sees_all;
  };
  const NamedReader readers[] = {
      {"privileged", {true, std::nullopt}, true},
      {"privileged with a party", {true, std::string("region-midt")}, true},
      {"own-party stakeholder", {false, std::string("aarhus")}, true},
      {"other-party stakeholder", {false, std::string("region-midt")}, false},
      {"anonymous", {false, std::nullopt}, false},
  };
  // What others see of a response that is not withdrawn, after close.
  const std::pair<const char*, Visibility> after_close[] = {
      {"public", Visibility::kWithoutContact},
      {"anonymous", Visibility::kWithoutAuthor},
      {"private", Visibility::kHidden},
  };
  int cells = 0;
  for (const auto& [name, reader, sees_all] : readers) {
    for (const auto& [pub, others_after_close] : after_close) {
      for (bool closed : {false, true}) {
        for (bool withdrawn : {false, true}) {
          const ResponseState r = w.Response(std::string(pub) + (withdrawn ? "-w" : ""));
          ASSERT_EQ(r.withdrawn(), withdrawn);
          ASSERT_EQ(PublicationName(r.current().content.publication), pub);
          Visibility expected = Visibility::kHidden;
          if (sees_all) {
            expected = Visibility::kFull;
          } else if (closed && !withdrawn) {
            expected = others_after_close;
          }
          const Visibility got = VisibilityOf(reader, r, closed);
          EXPECT_EQ(Name(got), Name(expected))
              << name << ", " << pub << (closed ? ", after close" : ", before close")
              << (withdrawn ? ", withdrawn" : "");
          // The facts a list keeps instead of the state decide the same.
          EXPECT_EQ(Name(VisibilityOf(reader, VisibilityFactsOf(r), closed)), Name(got));
          ++cells;
        }
      }
    }
  }
  EXPECT_EQ(cells, 5 * 3 * 2 * 2);
}

TEST_F(VisibilityMatrix, ThePublicationOfTheCurrentRevisionApplies) {
  const Reader anonymous;
  EXPECT_EQ(VisibilityOf(anonymous, w.Response("public"), true), Visibility::kWithoutContact);
  w.Amend("public", SubmissionBody("aarhus", "private"), kDuring + 10);
  EXPECT_EQ(VisibilityOf(anonymous, w.Response("public"), true), Visibility::kHidden);
  w.Amend("private", SubmissionBody("aarhus", "anonymous"), kDuring + 10);
  EXPECT_EQ(VisibilityOf(anonymous, w.Response("private"), true), Visibility::kWithoutAuthor);
  EXPECT_EQ(VisibilityOf({false, std::string("aarhus")}, w.Response("public"), false),
            Visibility::kFull);
}

TEST(VisibilityAuthor, OnlyFullShowsTheEmail) {
  const Author anne{"Anne Jensen", "anne@aarhus.dk"};
  EXPECT_EQ(VisibleAuthor(anne, Visibility::kFull),
            json({{"name", "Anne Jensen"}, {"email", "anne@aarhus.dk"}}));
  EXPECT_EQ(VisibleAuthor(anne, Visibility::kWithoutContact), json({{"name", "Anne Jensen"}}));
  EXPECT_TRUE(VisibleAuthor(anne, Visibility::kWithoutAuthor).is_null());
  EXPECT_TRUE(VisibleAuthor(anne, Visibility::kHidden).is_null());
  const Author no_mail{"Bo", std::nullopt};
  EXPECT_EQ(VisibleAuthor(no_mail, Visibility::kFull), json({{"name", "Bo"}}));
  EXPECT_EQ(VisibleAuthor(no_mail, Visibility::kWithoutContact), json({{"name", "Bo"}}));
}

TEST_F(VisibilityMatrix, ResponseJsonAppliesTheVisibility) {
  const ResponseState r = w.Response("public");
  const json full = ResponseJson(r, Visibility::kFull, nullptr);
  EXPECT_EQ(full["author"]["email"], "anne@aarhus.dk");
  const json open = ResponseJson(r, Visibility::kWithoutContact, nullptr);
  EXPECT_EQ(open["author"], json({{"name", "Anne Jensen"}}));
  EXPECT_EQ(open.dump().find("anne@aarhus.dk"), std::string::npos);
  const json anon = ResponseJson(r, Visibility::kWithoutAuthor, nullptr);
  EXPECT_TRUE(anon["author"].is_null());
  EXPECT_EQ(anon.dump().find("Anne Jensen"), std::string::npos);
  const json rev = RevisionJson(r, r.current(), Visibility::kWithoutAuthor);
  EXPECT_TRUE(rev["author"].is_null());
  EXPECT_TRUE(rev["actor"].is_null());
  EXPECT_EQ(RevisionJson(r, r.current(), Visibility::kFull)["actor"]["role"], "secretariat");
}

}  // namespace
}  // namespace hoering::consultations
