// The CLI's shared text helpers (format.h), its input files (files.h) and
// its If-Match spelling (write_options.h).
#include "client/cli/format.h"

#include <gtest/gtest.h>

#include <fstream>

#include "client/cli/files.h"
#include "client/cli/write_options.h"
#include "tests/support/temp_dir.h"

namespace hoering::client {
namespace {

using nlohmann::json;

TEST(CliFormatTest, ActorTextNamesRoleAndPartyOrTheSystem) {
  EXPECT_EQ(ActorText(json{{"role", "secretariat"}, {"party", ""}}), "secretariat");
  EXPECT_EQ(ActorText(json{{"role", "stakeholder"}, {"party", "aarhus"}}), "stakeholder/aarhus");
  EXPECT_EQ(ActorText(json{{"role", "system"}, {"party", ""}}), "system");
  EXPECT_EQ(ActorText(json::object()), "system");
  EXPECT_EQ(ActorText(json()), "system");
  EXPECT_EQ(ActorText(json("auditor")), "auditor");
}

TEST(CliFormatTest, VersionTextJoinTextYesNo) {
  EXPECT_EQ(VersionText(json{{"number", 1}, {"label", "consultation draft"}}),
            "1 \"consultation draft\"");
  EXPECT_EQ(VersionText(json{{"number", 2}, {"label", nullptr}}), "2");
  EXPECT_EQ(VersionText(json()), "");
  EXPECT_EQ(VersionText(json(3)), "3");
  EXPECT_EQ(JoinText(json{"a", "b", 3}), "a, b, 3");
  EXPECT_EQ(JoinText(json::array()), "");
  EXPECT_EQ(JoinText(json()), "");
  EXPECT_EQ(YesNo(json{{"late", true}}, "late"), "yes");
  EXPECT_EQ(YesNo(json{{"late", "true"}}, "late"), "no");
  EXPECT_EQ(YesNo(json(), "late"), "no");
}

TEST(CliFormatTest, EntityTagQuotesABareVersionOnly) {
  EXPECT_EQ(EntityTag("3"), "\"3\"");
  EXPECT_EQ(EntityTag("\"3\""), "\"3\"");
  EXPECT_EQ(EntityTag("W/\"3\""), "W/\"3\"");
  EXPECT_EQ(EntityTag("*"), "*");
  EXPECT_EQ(EntityTag(""), "");
  EXPECT_EQ(ToCallOptions({"4", "k"}).if_match, "\"4\"");
  EXPECT_EQ(ToCallOptions({"4", "k"}).idempotency_key, "k");
}

TEST(CliFilesTest, ReadJsonObjectInputSaysWhatIsWrong) {
  const hoering::testing::TempDir dir;
  const std::string object = dir.str() + "/o.json", array = dir.str() + "/a.json";
  std::ofstream(object) << R"({"x":1})";
  std::ofstream(array) << "[1]";
  std::string error;
  auto read = ReadJsonObjectInput(object, "{x}", error);
  ASSERT_TRUE(read.has_value()) << error;
  EXPECT_EQ((*read)["x"], 1);
  EXPECT_FALSE(ReadJsonObjectInput(array, "{x}", error).has_value());
  EXPECT_EQ(error, array + " must hold a JSON object {x}");
  const std::string missing = dir.str() + "/none.json";
  EXPECT_FALSE(ReadJsonObjectInput(missing, "{x}", error).has_value());
  EXPECT_EQ(error, "cannot read " + missing);
  EXPECT_EQ(ReadFileText(object), R"({"x":1})");
  EXPECT_FALSE(ReadFileText(missing).has_value());
}

}  // namespace
}  // namespace hoering::client
