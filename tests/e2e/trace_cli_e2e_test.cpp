// `hoering trace ...` and `hoering receipt check` in-process against a real
// server (RocksDB, HTTP): a consultation, a response with its receipt written
// to a file, a change set citing it, a disposition, a published version and a
// decision on it; then the chain is followed both ways, the receipt is proved
// (also after the log grew) and disproved after an event was altered. A
// stopped server's data directory is verified offline by the server binary
// (`hoering-server --verify DIR`, run as a process), before and after
// tampering; `hoering verify --data-dir` only points there.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/sha256.h"
#include "domain/time.h"
#include "storage/rocksdb_event_store.h"
#include "storage/system_clock.h"
#include "tests/e2e/cli_harness.h"
#include "tests/support/temp_dir.h"

namespace hoering::testing {
namespace {

using client::kExitBroken;
using client::kExitOk;
using client::kExitRejected;
using client::kExitUsage;
using nlohmann::json;

const std::string kFixture =
    std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/agreement-2024-2027.md";

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.str() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

json ReadJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return json::parse(s.str(), nullptr, false);
}

void MustRun(const TestServer& server, std::vector<std::string> args,
             const std::string& token = kAdminToken) {
  CliRun r = Cli(server, args, token);
  ASSERT_EQ(r.code, kExitOk) << r.out << r.err;
}

class TraceCliE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto [id, name, kind] :
         std::vector<std::array<std::string, 3>>{{"rm", "Region Midtjylland", "region"},
                                                 {"aarhus", "Aarhus Kommune", "municipality"}}) {
      ASSERT_NO_FATAL_FAILURE(
          MustRun(server_, {"parties", "add", "--id", id, "--name", name, "--kind", kind}));
    }
    ASSERT_NO_FATAL_FAILURE(
        MustRun(server_, {"agreement", "create", "--id", "sa", "--title", "Sundhedsaftalen",
                          "--party", "rm", "--party", "aarhus"}));
    ASSERT_NO_FATAL_FAILURE(MustRun(server_, {"agreement", "import", "sa", kFixture}));
    ASSERT_NO_FATAL_FAILURE(
        MustRun(server_, {"agreement", "publish", "sa", "--label", "consultation draft"}));
    ASSERT_NO_FATAL_FAILURE(MustRun(
        server_,
        {"consultation", "open", "h1", "--agreement", "sa", "--version", "1", "--title", "Høring",
         "--opens", At(-3600 * 1000), "--closes", At(14 * kDayMs), "--invite", "rm,aarhus"}));
    aarhus_ = server_.IssueToken("stakeholder", "aarhus");
    auditor_ = server_.IssueToken("auditor");
    const std::string response =
        Write(dir_, "aarhus.json",
              json{{"party", "aarhus"},
                   {"author", {{"name", "Jane Doe"}}},
                   {"publication", "public"},
                   {"points", {{{"text", "Point one"}}, {{"text", "Point two"}}}}}
                  .dump());
    receipt_path_ = dir_.str() + "/receipt.json";
    ASSERT_NO_FATAL_FAILURE(MustRun(
        server_, {"response", "submit", "h1", "--file", response, "--receipt-out", receipt_path_},
        aarhus_));
    receipt_ = ReadJson(receipt_path_);
    ASSERT_TRUE(receipt_.is_object());
    rid_ = receipt_["response"].get<std::string>();
    position_ = std::to_string(receipt_["position"].get<std::uint64_t>());
    hash_ = receipt_["hash"].get<std::string>();

    offset_ms_ += 15 * kDayMs;  // the consultation has closed
    ASSERT_NO_FATAL_FAILURE(MustRun(
        server_, {"agreement", "change", "sa", "--rationale", "Aarhus asked for clarity", "--op",
                  R"({"op":"edit","id":"kap-1","body":"Klar tekst."})", "--cite", rid_ + ":1"}));
    ASSERT_NO_FATAL_FAILURE(
        MustRun(server_, {"disposition", "set", "h1", rid_, "1", "--outcome", "accepted",
                          "--rationale", "Yes", "--changes", "c-2"}));
    ASSERT_NO_FATAL_FAILURE(MustRun(server_, {"agreement", "publish", "sa", "--label", "final"}));
    ASSERT_NO_FATAL_FAILURE(MustRun(
        server_,
        {"decision", "record", "ssu-2023-09-29", "--body", "Sundhedssamarbejdsudvalget", "--party",
         "aarhus", "--meeting-date", "2023-09-29", "--agreement", "sa", "--version", "final",
         "--outcome", "approved", "--basis-consultation", "h1", "--basis-response", rid_}));
  }

  std::string At(std::int64_t from_now_ms) {
    return FormatRfc3339(SystemClockMs() + offset_ms_.load() + from_now_ms);
  }

  std::atomic<std::int64_t> offset_ms_{0};
  TestServer server_{[this] { return SystemClockMs() + offset_ms_.load(); }};
  TempDir dir_;
  std::string aarhus_, auditor_, receipt_path_, rid_, position_, hash_;
  json receipt_;
};

TEST_F(TraceCliE2e, DecisionBackToTheReceipt) {
  CliRun t = Cli(server_, {"trace", "decision", "ssu-2023-09-29"}, auditor_);
  ASSERT_EQ(t.code, kExitOk) << t.err;
  const auto lines = Lines(t.out);
  ASSERT_GE(lines.size(), 5u) << t.out;
  EXPECT_EQ(lines[0],
            "decision ssu-2023-09-29  Sundhedssamarbejdsudvalget (aarhus) 2023-09-29 "
            "approved");
  EXPECT_EQ(lines[1].rfind("└─ version 2 \"final\"  hash ", 0), 0u) << t.out;
  EXPECT_TRUE(Contains(lines[1], "(matches the decision: yes)")) << t.out;
  EXPECT_EQ(lines[2].rfind("   ├─ change c-2  \"Aarhus asked for clarity\"  position ", 0), 0u)
      << t.out;
  EXPECT_EQ(lines[3].rfind("   │  └─ response " + rid_ + " point 1 (aarhus)  receipt position " +
                               position_ + " hash " + hash_.substr(0, 12) + "…",
                           0),
            0u)
      << t.out;
  EXPECT_TRUE(Contains(lines[3], "disposition: accepted")) << t.out;
  EXPECT_TRUE(Contains(t.out, "point text \"Point one\"")) << t.out;
  EXPECT_EQ(lines.back(), "   └─ consultations: h1 (version 1 \"consultation draft\")") << t.out;

  json j = CliJson(server_, {"trace", "decision", "ssu-2023-09-29"}, auditor_);
  EXPECT_EQ(j["changes"][0]["cites"][0]["receipt"]["hash"], hash_);
  // Traces are for auditors, the secretariat and admin.
  EXPECT_EQ(Cli(server_, {"trace", "decision", "ssu-2023-09-29"}, aarhus_).code, kExitRejected);
  EXPECT_EQ(Cli(server_, {"trace", "decision", "nope"}, auditor_).code, kExitRejected);
}

TEST_F(TraceCliE2e, ResponseForwardToTheDecision) {
  // The response's own party may trace it.
  CliRun t = Cli(server_, {"trace", "response", rid_}, aarhus_);
  ASSERT_EQ(t.code, kExitOk) << t.err;
  EXPECT_EQ(Lines(t.out)[0], "response " + rid_ + "  party aarhus  consultation h1  agreement sa")
      << t.out;
  EXPECT_TRUE(Contains(t.out, "├─ revision 1  submitted ")) << t.out;
  EXPECT_TRUE(Contains(t.out, "receipt position " + position_ + " hash " + hash_.substr(0, 12)))
      << t.out;
  EXPECT_TRUE(Contains(t.out, "├─ point 1 \"Point one\"")) << t.out;
  EXPECT_TRUE(Contains(t.out, "│  ├─ disposition: accepted  \"Yes\"  changes c-2")) << t.out;
  EXPECT_TRUE(Contains(t.out, "│  └─ change c-2  \"Aarhus asked for clarity\"  position "))
      << t.out;
  EXPECT_TRUE(Contains(t.out, "(cites this point)")) << t.out;
  EXPECT_TRUE(Contains(t.out, "│     └─ version 2 \"final\"  hash ")) << t.out;
  EXPECT_TRUE(Contains(t.out, "│        └─ decision ssu-2023-09-29  Sundhedssamarbejdsudvalget"))
      << t.out;
  EXPECT_TRUE(Contains(t.out, "└─ point 2 \"Point two\"\n   └─ no disposition; not cited"))
      << t.out;

  json j = CliJson(server_, {"trace", "response", rid_}, auditor_);
  EXPECT_EQ(j["decisions"][0]["id"], "ssu-2023-09-29");
  const std::string rm = server_.IssueToken("stakeholder", "rm");
  EXPECT_EQ(Cli(server_, {"trace", "response", rid_}, rm).code, kExitRejected);
}

TEST_F(TraceCliE2e, ChangeBothWays) {
  CliRun t = Cli(server_, {"trace", "change", "sa", "c-2"}, auditor_);
  ASSERT_EQ(t.code, kExitOk) << t.err;
  const auto lines = Lines(t.out);
  ASSERT_EQ(lines.size(), 5u) << t.out;
  EXPECT_EQ(lines[0].rfind("change c-2  \"Aarhus asked for clarity\"  position ", 0), 0u) << t.out;
  EXPECT_EQ(lines[1], "├─ cites response " + rid_ +
                          " point 1 (aarhus, consultation h1)  receipt "
                          "position " +
                          position_ + " hash " + hash_.substr(0, 12) + "…  disposition: accepted")
      << t.out;
  EXPECT_EQ(lines[2], "│  └─ point 1 \"Point one\"") << t.out;
  EXPECT_EQ(lines[3].rfind("└─ version 2 \"final\"  hash ", 0), 0u) << t.out;
  EXPECT_EQ(lines[4],
            "   └─ decision ssu-2023-09-29  Sundhedssamarbejdsudvalget (aarhus) "
            "2023-09-29 approved")
      << t.out;

  json j = CliJson(server_, {"trace", "change", "sa", "c-2"}, auditor_);
  EXPECT_EQ(j["cites"][0]["trace"]["response"]["id"], rid_);
  EXPECT_EQ(j["versions"].size(), 1u);
  EXPECT_EQ(j["decisions"][0]["id"], "ssu-2023-09-29");

  CliRun missing = Cli(server_, {"trace", "change", "sa", "c-99"}, auditor_);
  EXPECT_EQ(missing.code, kExitRejected);
  EXPECT_TRUE(Contains(missing.err, "no change set 'c-99'")) << missing.err;
}

TEST_F(TraceCliE2e, ReceiptCheckedThenDisproved) {
  CliRun ok = Cli(server_, {"receipt", "check", receipt_path_}, auditor_);
  ASSERT_EQ(ok.code, kExitOk) << ok.out << ok.err;
  const std::uint64_t head = server_.store().Head().position;
  const std::uint64_t checked = head - receipt_["position"].get<std::uint64_t>() + 1;
  EXPECT_TRUE(Contains(ok.out, "server:  event " + position_ + " (ResponseSubmitted")) << ok.out;
  EXPECT_TRUE(Contains(ok.out, "local:   event " + position_ + " still has hash " + hash_ + "; " +
                                   std::to_string(checked) +
                                   " events re-hashed locally up to head " + std::to_string(head) +
                                   " (hash "))
      << ok.out;
  EXPECT_TRUE(Contains(ok.out, "): intact\n")) << ok.out;
  EXPECT_TRUE(Contains(ok.out, "\nproved")) << ok.out;
  json j = CliJson(server_, {"receipt", "check", receipt_path_}, auditor_);
  EXPECT_EQ(j["proved"], true);
  EXPECT_EQ(j["local"]["checked"], checked);

  // Without a token only the server's word is available.
  CliRun anonymous = Cli(server_, {"receipt", "check", receipt_path_}, "");
  ASSERT_EQ(anonymous.code, kExitOk) << anonymous.out << anonymous.err;
  EXPECT_TRUE(Contains(anonymous.out, "local:   skipped")) << anonymous.out;

  // A receipt with another hash, a position beyond the log, a file that is none.
  json wrong = receipt_;
  std::string h = hash_;
  h[0] = h[0] == 'a' ? 'b' : 'a';
  wrong["hash"] = h;
  CliRun other = Cli(server_, {"receipt", "check", Write(dir_, "w.json", wrong.dump())}, auditor_);
  EXPECT_EQ(other.code, kExitBroken) << other.out << other.err;
  EXPECT_TRUE(Contains(other.out, "does NOT have the receipt's hash")) << other.out;
  wrong = receipt_;
  wrong["position"] = 999999;
  EXPECT_EQ(Cli(server_, {"receipt", "check", Write(dir_, "p.json", wrong.dump())}, auditor_).code,
            kExitBroken);
  EXPECT_EQ(Cli(server_, {"receipt", "check", Write(dir_, "n.json", "{\"x\":1}")}).code,
            kExitUsage);
  EXPECT_EQ(Cli(server_, {"receipt", "check", dir_.str() + "/none.json"}).code, kExitUsage);

  // An event written after the receipt is altered: the chain to the head breaks.
  const std::uint64_t later = receipt_["position"].get<std::uint64_t>() + 1;
  ASSERT_TRUE(
      server_.store().TamperForTest(later, [](std::string& v) { v[v.size() - 3] ^= 0x20; }).ok());
  CliRun broken = Cli(server_, {"receipt", "check", receipt_path_}, auditor_);
  EXPECT_EQ(broken.code, kExitBroken) << broken.out << broken.err;
  EXPECT_TRUE(Contains(broken.out, "BROKEN at position " + std::to_string(later))) << broken.out;
  EXPECT_TRUE(Contains(broken.out, "NOT proved")) << broken.out;
  EXPECT_EQ(Cli(server_, {"receipt", "check", receipt_path_}, "").code, kExitBroken);
}

TEST(VerifyDataDirE2e, PointsToTheServersOfflineVerify) {
  // Nothing listens at the URL: the command sends nothing.
  for (std::vector<std::string> args :
       {std::vector<std::string>{"verify", "--data-dir", "/srv/hoering/data"},
        std::vector<std::string>{"--json", "verify", "--data-dir", "/srv/hoering/data"}}) {
    CliRun r = RunCliAt("http://127.0.0.1:1", "", args);
    EXPECT_EQ(r.code, kExitUsage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "hoering: offline verification moved: run `hoering-server --verify "
              "/srv/hoering/data` on the stopped server's data directory\n");
  }
  EXPECT_EQ(RunCliAt("http://127.0.0.1:1", "", {"verify", "--data-dir", "d", "--local"}).code,
            kExitUsage);
}

// `hoering-server --verify DIR` as a process: its exit code (0 intact,
// 1 broken, 2 no store to open) and standard output (standard error is
// dropped).
struct ServerVerifyRun {
  int code = -1;
  std::string out;
  nlohmann::json json() const { return nlohmann::json::parse(out, nullptr, false); }
};

ServerVerifyRun RunServerVerify(const std::string& data_dir) {
  const std::string binary = std::string(HOERING_BINARY_DIR) + "/server/hoering-server";
  ServerVerifyRun r;
  if (!std::filesystem::exists(binary)) {
    ADD_FAILURE() << binary << " is missing: build the hoering-server target first";
    return r;
  }
  auto quoted = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  const std::string command = quoted(binary) + " --verify " + quoted(data_dir) + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return r;
  }
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) {
    r.out.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(ServerVerifyE2e, StoppedServersStoreVerifiedOffline) {
  TestServer server;
  for (const char* id : {"p1", "p2", "p3"}) {
    ASSERT_NO_FATAL_FAILURE(
        MustRun(server, {"parties", "add", "--id", id, "--name", id, "--kind", "region"}));
  }
  const std::string dir = server.data_dir();
  // While the server runs, it holds the store's lock.
  EXPECT_EQ(RunServerVerify(dir).code, 2);

  const HeadInfo head = server.store().Head();
  server.Stop();
  ServerVerifyRun ok = RunServerVerify(dir);
  ASSERT_EQ(ok.code, 0) << ok.out;
  EXPECT_EQ(ok.json()["ok"], true) << ok.out;
  EXPECT_EQ(ok.json()["checked"], head.position);
  EXPECT_EQ(ok.json()["head"]["position"], head.position);
  EXPECT_EQ(ok.json()["head"]["hash"], ToHex(head.hash));

  {
    RocksDbStoreOptions options;
    options.path = dir + "/store";
    options.must_exist = true;
    auto store = RocksDbEventStore::Open(std::move(options));
    ASSERT_TRUE(store.ok()) << store.status().detail();
    ASSERT_TRUE((*store)->TamperForTest(2, [](std::string& v) { v[v.size() - 3] ^= 0x20; }).ok());
  }
  ServerVerifyRun broken = RunServerVerify(dir);
  EXPECT_EQ(broken.code, 1) << broken.out;
  EXPECT_EQ(broken.json()["ok"], false) << broken.out;
  EXPECT_EQ(broken.json()["first_bad"], 2) << broken.out;

  TempDir empty;
  EXPECT_EQ(RunServerVerify(empty.str()).code, 2);
}

}  // namespace
}  // namespace hoering::testing
