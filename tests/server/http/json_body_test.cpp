#include "server/http/json_body.h"

#include <gtest/gtest.h>

#include "tests/support/expect_error.h"

namespace hoering::http {
namespace {

using hoering::testing::ExpectError;
using nlohmann::json;

Request Post(std::string body, std::string content_type = "application/json") {
  Request req{beast_http::verb::post, "/v1/parties", 11};
  if (!content_type.empty()) req.set(beast_http::field::content_type, content_type);
  req.body() = std::move(body);
  req.prepare_payload();
  return req;
}

TEST(ParseJsonBodyTest, ParsesAnObject) {
  auto r = ParseJsonBody(Post(R"({"id":"p1","n":2})"));
  ASSERT_TRUE(r.ok()) << r.status().detail();
  EXPECT_EQ((*r)["id"], "p1");
}

TEST(ParseJsonBodyTest, AcceptsCharsetParameter) {
  EXPECT_TRUE(ParseJsonBody(Post("{}", "Application/JSON; charset=utf-8")).ok());
}

TEST(ParseJsonBodyTest, RejectsOtherContentTypes) {
  ExpectError(ParseJsonBody(Post("{}", "text/plain")), Code::kInvalidArgument,
              "unsupported-media-type");
  ExpectError(ParseJsonBody(Post("{}", "")), Code::kInvalidArgument, "unsupported-media-type");
  ExpectError(ParseJsonBody(Post("{}", "application/jsonx")), Code::kInvalidArgument,
              "unsupported-media-type");
}

TEST(ParseJsonBodyTest, RejectsEmptyBody) {
  ExpectError(ParseJsonBody(Post("")), Code::kInvalidArgument, "empty-body");
}

TEST(ParseJsonBodyTest, MalformedJsonReportsOffset) {
  auto r = ParseJsonBody(Post(R"({"id": "p1",})"));
  ExpectError(r, Code::kInvalidArgument, "malformed-json");
  EXPECT_NE(r.status().detail().find("byte offset"), std::string::npos);
}

TEST(ParseJsonBodyTest, InvalidUtf8ReportsOffset) {
  auto r = ParseJsonBody(Post("{\"name\":\"a\xff\"}"));
  ExpectError(r, Code::kInvalidArgument, "invalid-utf8");
  EXPECT_NE(r.status().detail().find("offset 10"), std::string::npos) << r.status().detail();
}

TEST(ParseJsonBodyTest, RejectsNonObjects) {
  ExpectError(ParseJsonBody(Post("[1,2]")), Code::kInvalidArgument, "not-an-object");
  ExpectError(ParseJsonBody(Post("\"s\"")), Code::kInvalidArgument, "not-an-object");
}

TEST(ParseJsonBodyTest, RejectsDeepNesting) {
  std::string deep = "{\"a\":" + std::string(200, '[') + std::string(200, ']') + "}";
  ExpectError(ParseJsonBody(Post(deep)), Code::kInvalidArgument, "too-deep");
}

TEST(ParseJsonBodyTest, DeepAndMalformedIsTooDeep) {
  std::string deep = "{\"a\":" + std::string(200, '[') + "1e999" + std::string(200, ']') + ",}";
  ExpectError(ParseJsonBody(Post(deep)), Code::kInvalidArgument, "too-deep");
}

TEST(ParseJsonBodyTest, AnErrorNamesItsPointerAndOffset) {
  auto r = ParseJsonBody(Post(R"({"points":[{"text":"a"},{"text":tru}]})"));
  ExpectError(r, Code::kInvalidArgument, "malformed-json");
  EXPECT_NE(r.status().detail().find("'/points/1/text'"), std::string::npos) << r.status().detail();
  auto big = ParseJsonBody(Post(R"({"a~b/c":-1E400})"));
  ExpectError(big, Code::kInvalidArgument, "number-out-of-range");
  EXPECT_NE(big.status().detail().find("'/a~0b~1c'"), std::string::npos) << big.status().detail();
}

TEST(Utf8Test, FindsInvalidSequences) {
  EXPECT_EQ(FindInvalidUtf8("plain"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("H\xC3\xB8ring \xE2\x82\xAC \xF0\x9F\x98\x80"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("\xE2\x82"), 0u);          // truncated
}

TEST(FieldReaderTest, RequireString) {
  json o = {{"name", "Region"}, {"n", 1}, {"z", nullptr}};
  EXPECT_EQ(RequireString(o, "name").value(), "Region");
  auto missing = RequireString(o, "kind");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().type(), "invalid-field");
  EXPECT_EQ(missing.status().detail(), "field 'kind' is required and must be a string");
  EXPECT_FALSE(RequireString(o, "n").ok());
  EXPECT_FALSE(RequireString(o, "z").ok());
}

TEST(FieldReaderTest, OptionalString) {
  json o = {{"a", "x"}, {"b", nullptr}, {"c", 3}};
  EXPECT_EQ(OptionalString(o, "a").value(), "x");
  EXPECT_EQ(OptionalString(o, "b").value(), std::nullopt);
  EXPECT_EQ(OptionalString(o, "missing").value(), std::nullopt);
  EXPECT_EQ(OptionalString(o, "c").status().detail(), "field 'c' must be a string");
}

TEST(FieldReaderTest, Bools) {
  json o = {{"t", true}, {"s", "true"}};
  EXPECT_TRUE(RequireBool(o, "t").value());
  EXPECT_FALSE(RequireBool(o, "s").ok());
  EXPECT_FALSE(RequireBool(o, "missing").ok());
  EXPECT_EQ(OptionalBool(o, "missing").value(), std::nullopt);
  EXPECT_FALSE(OptionalBool(o, "s").ok());
}

TEST(FieldReaderTest, OptionalUint) {
  json o = {{"u", 42}, {"neg", -1}, {"f", 1.5}, {"s", "4"}};
  EXPECT_EQ(OptionalUint(o, "u").value(), 42u);
  EXPECT_EQ(OptionalUint(o, "missing").value(), std::nullopt);
  EXPECT_FALSE(OptionalUint(o, "neg").ok());
  EXPECT_FALSE(OptionalUint(o, "f").ok());
  EXPECT_FALSE(OptionalUint(o, "s").ok());
}

TEST(FieldReaderTest, RequireArrayOfStrings) {
  json o = {{"a", {"x", "y"}}, {"e", json::array()}, {"mixed", {"x", 1}}, {"s", "x"}};
  EXPECT_EQ(RequireArrayOfStrings(o, "a").value(), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(RequireArrayOfStrings(o, "e").value().empty());
  auto mixed = RequireArrayOfStrings(o, "mixed");
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.status().detail().find("element 1"), std::string::npos);
  EXPECT_FALSE(RequireArrayOfStrings(o, "s").ok());
  EXPECT_FALSE(RequireArrayOfStrings(o, "missing").ok());
}

}  // namespace
}  // namespace hoering::http
