#include "server/http/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace hoering::http {
namespace {

TEST(AccessLogTest, TextLine) {
  AccessRecord r{"POST", "/v1/parties", 201, 3.2149, "abc", "127.0.0.1:5", "42"};
  EXPECT_EQ(FormatAccessLine(LogFormat::kText, r),
            "POST /v1/parties 201 3.21ms id=abc remote=127.0.0.1:5 position=42");
  r.log_position.clear();
  EXPECT_EQ(FormatAccessLine(LogFormat::kText, r),
            "POST /v1/parties 201 3.21ms id=abc remote=127.0.0.1:5");
}

TEST(AccessLogTest, JsonLine) {
  AccessRecord r{"GET", "/v1/x\xff", 200, 1.5, "abc", "127.0.0.1:5", ""};
  auto j = nlohmann::json::parse(FormatAccessLine(LogFormat::kJson, r));
  EXPECT_EQ(j["method"], "GET");
  EXPECT_EQ(j["status"], 200);
  EXPECT_EQ(j["duration_ms"], 1.5);
  EXPECT_FALSE(j.contains("position"));
}

}  // namespace
}  // namespace hoering::http
