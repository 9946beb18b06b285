// The CLI when there is no server to answer: a refused connection or a
// stopped server is exit 3 for every command; a malformed URL is a usage
// error (exit 1).
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "tests/e2e/cli_harness.h"

namespace hoering::testing {
namespace {

// A port on 127.0.0.1 that refuses connections: bound, never listening.
class ClosedPort {
 public:
  ClosedPort() : socket_(io_) {
    using boost::asio::ip::tcp;
    socket_.open(tcp::v4());
    socket_.bind(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(socket_.local_endpoint().port());
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
};

TEST(CliE2e, AClosedPortIsExitThreeForEveryCommand) {
  ClosedPort port;
  const std::vector<std::vector<std::string>> commands = {
      {"parties", "add", "--id", "x", "--name", "x", "--kind", "region"},
      {"parties", "list"},
      {"parties", "show", "x"},
      {"tokens", "issue", "--role", "auditor", "--label", "x"},
      {"tokens", "list"},
      {"tokens", "revoke", "tok_x"},
      {"events", "list"},
      {"events", "tail", "--count", "1"},
      {"verify"},
      {"verify", "--local"},
  };
  for (const auto& args : commands) {
    CliRun r = RunCliAt(port.url(), kAdminToken, args);
    EXPECT_EQ(r.code, kExitFailed) << args[0] << " " << args[1] << ": " << r.err;
    EXPECT_EQ(r.out, "") << args[0];
    EXPECT_TRUE(Contains(r.err, "urn:hoering:client:")) << r.err;
  }
}

TEST(CliE2e, AStoppedServerIsExitThreeAndABadUrlIsUsage) {
  TestServer server;
  const std::string url = server.url();
  ASSERT_EQ(RunCliAt(url, kAdminToken, {"parties", "list"}).code, kExitOk);
  server.Stop();
  CliRun gone = RunCliAt(url, kAdminToken, {"parties", "list"});
  EXPECT_EQ(gone.code, kExitFailed) << gone.err;

  CliRun bad = RunCliAt("ftp://example", kAdminToken, {"parties", "list"});
  EXPECT_EQ(bad.code, kExitUsage) << bad.err;
  CliRun none = RunCliAt(url, kAdminToken, {});
  EXPECT_EQ(none.code, kExitUsage);
  CliRun unknown = RunCliAt(url, kAdminToken, {"parties", "frobnicate"});
  EXPECT_EQ(unknown.code, kExitUsage);
}

}  // namespace
}  // namespace hoering::testing
