#include "client/cli/table.h"

#include <gtest/gtest.h>

#include <sstream>

namespace hoering::client {
namespace {

std::string Rendered(const Table& t) {
  std::ostringstream out;
  t.Render(out);
  return out.str();
}

TEST(TableTest, AlignsColumnsToTheWidestCell) {
  Table t({"ID", "NAME", "KIND"});
  t.AddRow({"a", "Region Midt", "region"});
  t.AddRow({"samsoe", "Samsø", "municipality"});
  EXPECT_EQ(Rendered(t),
            "ID      NAME         KIND\n"
            "------  -----------  ------------\n"
            "a       Region Midt  region\n"
            "samsoe  Samsø        municipality\n");
}

TEST(TableTest, RightAlignmentAndNoTrailingSpaces) {
  Table t({"POS", "TYPE", "NOTE"});
  t.SetAlign(0, Align::kRight);
  t.AddRow({"7", "A"});
  t.AddRow({"1234", "LongerType", ""});
  EXPECT_EQ(Rendered(t),
            " POS  TYPE        NOTE\n"
            "----  ----------  ----\n"
            "   7  A\n"
            "1234  LongerType\n");
}

TEST(TableTest, ControlCharactersStayOnOneLine) {
  Table t({"A", "B"});
  t.AddRow({"x\ny", "tab\there", "dropped extra cell"});
  EXPECT_EQ(Rendered(t), "A    B\n---  --------\nx y  tab here\n");
  EXPECT_EQ(t.rows(), 1u);
}

TEST(TableTest, DisplayWidthCountsCodePoints) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("Samsø"), 5u);
  EXPECT_EQ(DisplayWidth("høringsnotat"), 12u);
  EXPECT_EQ(DisplayWidth(""), 0u);
}

TEST(TableTest, RenderFieldsAlignsValues) {
  std::ostringstream out;
  RenderFields(out, {{"id", "a"}, {"position", "12"}, {"party", ""}});
  EXPECT_EQ(out.str(), "id:        a\nposition:  12\nparty:\n");
}

}  // namespace
}  // namespace hoering::client
