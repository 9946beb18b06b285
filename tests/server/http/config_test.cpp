#include "server/http/config.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace hoering::http {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  Result<ServerConfig> Parse(std::vector<std::string> args) {
    args.insert(args.begin(), "hoering-server");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return ParseServerConfig(static_cast<int>(args.size()), argv.data(),
                             [this](const char* name) -> const char* {
                               auto it = env_.find(name);
                               return it == env_.end() ? nullptr : it->second.c_str();
                             });
  }
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, Defaults) {
  auto c = Parse({});
  ASSERT_TRUE(c.ok()) << c.status().detail();
  EXPECT_EQ(c->listen_host, "127.0.0.1");
  EXPECT_EQ(c->listen_port, 8080);
  EXPECT_EQ(c->data_dir, "./data");
  EXPECT_EQ(c->max_body, 32u << 20);
  EXPECT_EQ(c->max_header, 16u << 10);
  EXPECT_EQ(c->log_format, "text");
  EXPECT_FALSE(c->verify_data_dir.has_value());
  EXPECT_FALSE(c->exit_now);
  EXPECT_FALSE(c->rebuild_projections);
  EXPECT_EQ(c->checkpoint_every, 100000u);
  EXPECT_EQ(c->block_cache_mb, 64u);
  EXPECT_EQ(c->write_buffer_mb, 48u);
  EXPECT_EQ(c->max_wal_mb, 64u);
  EXPECT_EQ(c->response_cache_mb, 32u);
  EXPECT_EQ(c->public_url, "http://127.0.0.1:8080");
}

TEST_F(ConfigTest, PublicUrlDefaultsToTheListenAddressAndIsChecked) {
  env_ = {{"HOERING_LISTEN", "[::1]:7000"}};
  auto from_listen = Parse({});
  ASSERT_TRUE(from_listen.ok()) << from_listen.status().detail();
  EXPECT_EQ(from_listen->public_url, "http://[::1]:7000");
  env_ = {{"HOERING_PUBLIC_URL", "https://hoering.example.dk/"}};
  auto from_env = Parse({});
  ASSERT_TRUE(from_env.ok()) << from_env.status().detail();
  EXPECT_EQ(from_env->public_url, "https://hoering.example.dk");
  auto from_flag = Parse({"--public-url", "http://example.dk:8443/hoering//"});
  ASSERT_TRUE(from_flag.ok()) << from_flag.status().detail();
  EXPECT_EQ(from_flag->public_url, "http://example.dk:8443/hoering");
  env_ = {};
  for (const char* bad :
       {"", "hoering.example.dk", "/sign-in", "ftp://example.dk", "https://",
        "https://example.dk/?a=1", "https://example.dk/#top", "https://user:pw@example.dk",
        "https://example.dk:0", "https://ex ample.dk", "mailto:x@example.dk"}) {
    auto c = Parse({"--public-url", bad});
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.status().type(), "invalid-config") << bad;
    EXPECT_NE(c.status().detail().find("--public-url"), std::string::npos) << c.status().detail();
  }
}

TEST_F(ConfigTest, MemoryBudgetsAreCheckedAndNamedInTheError) {
  env_ = {{"HOERING_RESPONSE_CACHE_MB", "0"}};
  auto none = Parse({});
  ASSERT_TRUE(none.ok()) << none.status().detail();
  EXPECT_EQ(none->response_cache_mb, 0u);
  auto flag = Parse({"--response-cache-mb", "128", "--block-cache-mb", "256"});
  ASSERT_TRUE(flag.ok()) << flag.status().detail();
  EXPECT_EQ(flag->response_cache_mb, 128u);
  EXPECT_EQ(flag->block_cache_mb, 256u);
  for (auto bad : std::vector<std::vector<std::string>>{{"--response-cache-mb", "-1"},
                                                        {"--response-cache-mb", "lots"},
                                                        {"--response-cache-mb", "2000000"},
                                                        {"--block-cache-mb", "0"},
                                                        {"--write-buffer-mb", "3"}}) {
    auto c = Parse(bad);
    ASSERT_FALSE(c.ok()) << bad[0] << " " << bad[1];
    EXPECT_NE(c.status().detail().find(bad[0]), std::string::npos) << c.status().detail();
  }
}

TEST_F(ConfigTest, BlockingThreadsFromEnvironmentAndFlagWithinBounds) {
  EXPECT_EQ(Parse({})->blocking_threads, 2u);
  env_ = {{"HOERING_BLOCKING_THREADS", "3"}};
  EXPECT_EQ(Parse({})->blocking_threads, 3u);
  EXPECT_EQ(Parse({"--blocking-threads", "1"})->blocking_threads, 1u);
  for (const char* bad : {"0", "65", "two"}) {
    auto c = Parse({"--blocking-threads", bad});
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_NE(c.status().detail().find("--blocking-threads"), std::string::npos);
  }
}

TEST_F(ConfigTest, CheckpointEveryFromEnvironmentAndFlag) {
  env_ = {{"HOERING_CHECKPOINT_EVERY", "50000"}};
  auto from_env = Parse({});
  ASSERT_TRUE(from_env.ok()) << from_env.status().detail();
  EXPECT_EQ(from_env->checkpoint_every, 50000u);
  auto from_flag = Parse({"--checkpoint-every", "250000"});
  ASSERT_TRUE(from_flag.ok()) << from_flag.status().detail();
  EXPECT_EQ(from_flag->checkpoint_every, 250000u);
  auto bad = Parse({"--checkpoint-every", "often"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().detail().find("--checkpoint-every"), std::string::npos)
      << bad.status().detail();
}

TEST_F(ConfigTest, EnvironmentThenFlags) {
  env_ = {{"HOERING_LISTEN", "0.0.0.0:9000"}, {"HOERING_DATA_DIR", "/var/lib/h"},
          {"HOERING_THREADS", "3"},           {"HOERING_MAX_BODY", "1M"},
          {"HOERING_LOG_FORMAT", "json"},     {"HOERING_ADMIN_TOKEN", "s3cret"}};
  auto c = Parse({"--listen", "[::1]:7000", "--threads=5"});
  ASSERT_TRUE(c.ok()) << c.status().detail();
  EXPECT_EQ(c->listen_host, "::1");
  EXPECT_EQ(c->listen_port, 7000);
  EXPECT_EQ(c->threads, 5u);
  EXPECT_EQ(c->data_dir, "/var/lib/h");
  EXPECT_EQ(c->max_body, 1u << 20);
  EXPECT_EQ(c->log_format, "json");
  EXPECT_EQ(c->admin_token, "s3cret");
  EXPECT_EQ(ToHttpServerOptions(*c).log_format, LogFormat::kJson);
  EXPECT_EQ(ToHttpServerOptions(*c).port, 7000);
}

TEST_F(ConfigTest, FlagsAndActions) {
  auto c = Parse({"--rebuild-projections", "--verify", "/backup/d", "--read-timeout-ms", "500",
                  "--drain-timeout-ms", "0", "--max-header", "64KiB"});
  ASSERT_TRUE(c.ok()) << c.status().detail();
  EXPECT_TRUE(c->rebuild_projections);
  EXPECT_EQ(c->verify_data_dir, "/backup/d");
  EXPECT_EQ(c->read_timeout_ms, 500u);
  EXPECT_EQ(c->drain_timeout_ms, 0u);
  EXPECT_EQ(c->max_header, 64u << 10);
}

TEST_F(ConfigTest, BadValuesNameTheirSource) {
  struct Bad {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string mention;
  };
  const std::vector<Bad> cases = {
      {{"--listen", "localhost"}, {}, "--listen"},
      {{"--listen", "h:70000"}, {}, "--listen"},
      {{}, {{"HOERING_THREADS", "many"}}, "HOERING_THREADS"},
      {{"--threads", "-1"}, {}, "--threads"},
      {{"--max-body", "12X"}, {}, "--max-body"},
      {{}, {{"HOERING_LOG_FORMAT", "xml"}}, "HOERING_LOG_FORMAT"},
      {{"--log-level", "loud"}, {}, "--log-level"},
      {{"--read-timeout-ms", "0"}, {}, "--read-timeout-ms"},
      {{"--no-demo"}, {}, "--no-demo"},
      {{"--unknown"}, {}, "--unknown"},
      {{"--admin-token", "x"}, {}, "--admin-token"},
  };
  for (const auto& bad : cases) {
    env_ = bad.env;
    auto c = Parse(bad.args);
    ASSERT_FALSE(c.ok()) << bad.mention;
    EXPECT_EQ(c.status().code(), Code::kInvalidArgument);
    EXPECT_NE(c.status().detail().find(bad.mention), std::string::npos) << c.status().detail();
  }
}

TEST_F(ConfigTest, HelpAsksToExit) {
  auto c = Parse({"--help"});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->exit_now);
  for (const char* s : {"--listen", "HOERING_LISTEN", "HOERING_DATA_DIR", "HOERING_MAX_BODY",
                        "HOERING_LOG_FORMAT", "HOERING_ADMIN_TOKEN", "--verify"}) {
    EXPECT_NE(c->help_text.find(s), std::string::npos) << s;
  }
}

TEST(ByteSizeTest, Parses) {
  EXPECT_EQ(ParseByteSize("512"), 512u);
  EXPECT_EQ(ParseByteSize("16k"), 16u << 10);
  EXPECT_EQ(ParseByteSize("32MiB"), 32u << 20);
  EXPECT_EQ(ParseByteSize("2G"), std::uint64_t{2} << 30);
  EXPECT_EQ(ParseByteSize(""), std::nullopt);
  EXPECT_EQ(ParseByteSize("M"), std::nullopt);
  EXPECT_EQ(ParseByteSize("1T"), std::nullopt);
  EXPECT_EQ(ParseByteSize("99999999999999999999"), std::nullopt);
}

}  // namespace
}  // namespace hoering::http
