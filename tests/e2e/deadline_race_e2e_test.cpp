// The response deadline under load, on the real clock (and, last, an explicit
// close racing submissions). 64 connections keep
// submitting until a second after closes_at. Every answer must be a receipt
// stamped before the deadline or 409 consultation-closed; every receipt reads
// back and is in the log exactly once, nothing is in the log without a
// receipt, and a retry after the deadline returns the first receipt.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "client/lib/target.h"
#include "domain/time.h"
#include "tests/support/test_server.h"

namespace hoering::testing {
namespace {

using client::Verb;
using nlohmann::json;

constexpr int kConnections = 64;
constexpr int kParties = 8;
constexpr const char* kRaceConsultation = "race";

TimeMs NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Sent {
  std::string key;  // Idempotency-Key
  json body;
};

struct Receipt {
  Sent sent;
  json receipt;  // the 201 body
};

// A published agreement with one section; returns the section id.
std::string CreateAgreement(client::Api& api) {
  for (int p = 0; p < kParties; ++p) {
    auto r = api.RegisterParty(
        {"race-p" + std::to_string(p), "Party " + std::to_string(p), "municipality"});
    if (!r.ok()) ADD_FAILURE() << client::Describe(r.error());
  }
  auto created = api.Call(Verb::post, "/v1/agreements", {{"id", "race-a"}, {"title", "Race"}});
  EXPECT_TRUE(created.ok()) << client::Describe(created.error());
  auto imported =
      api.CallRaw(Verb::post, "/v1/agreements/race-a/import?rationale=race",
                  "# Deadlines\n\nResponses arrive until the deadline.\n", "text/markdown");
  EXPECT_TRUE(imported.ok()) << client::Describe(imported.error());
  auto version = api.Call(Verb::post, "/v1/agreements/race-a/versions", {{"label", "draft"}});
  EXPECT_TRUE(version.ok()) << client::Describe(version.error());
  auto text = api.Call(Verb::get, "/v1/agreements/race-a");
  if (!text.ok() || text->body["sections"].empty()) {
    ADD_FAILURE() << "no section";
    return {};
  }
  return text->body["sections"][0]["id"];
}

// Opens consultation `id` on version 1 of race-a for `invited`, from an hour
// ago until `closes_in_ms` from now; returns the server's answer.
auto OpenConsultation(client::Api& api, const std::string& id, const std::string& title,
                      TimeMs closes_in_ms, const json& invited) {
  const TimeMs now = NowMs();
  return api.Call(Verb::post, "/v1/consultations",
                  {{"id", id},
                   {"agreement", "race-a"},
                   {"version", 1},
                   {"title", title},
                   {"opens_at", FormatRfc3339Ms(now - 3'600'000)},
                   {"closes_at", FormatRfc3339Ms(now + closes_in_ms)},
                   {"invited", invited}});
}

// A server with the race agreement published and its parties registered:
// section_ is the agreement's one section, secretariat_ a secretariat token.
class DeadlineRaceE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    section_ = CreateAgreement(admin_);
    ASSERT_FALSE(section_.empty());
  }

  TestServer server_;
  client::Api admin_ = server_.Client();
  const std::string secretariat_ = server_.IssueToken("secretariat");
  std::string section_;
};

TEST_F(DeadlineRaceE2e, EveryAnswerIsAReceiptBeforeTheDeadlineOrClosedAndNothingIsLost) {
  json invited = json::array();
  for (int p = 0; p < kParties; ++p) invited.push_back("race-p" + std::to_string(p));
  auto opened = OpenConsultation(admin_, kRaceConsultation, "Deadline race", 1'500, invited);
  ASSERT_TRUE(opened.ok()) << client::Describe(opened.error());
  const auto closes_at = ParseRfc3339(opened->body["closes_at"].get<std::string>());
  ASSERT_TRUE(closes_at.has_value()) << opened->body.dump();
  const std::string target = client::Path({"v1", "consultations", kRaceConsultation, "responses"});

  std::mutex mu;
  std::vector<Receipt> receipts;  // GUARDED_BY(mu)
  std::uint64_t closed = 0;       // GUARDED_BY(mu)
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < kConnections; ++t) {
    threads.emplace_back([&, t] {
      auto api = server_.Client(secretariat_);
      std::vector<Receipt> mine;
      std::uint64_t my_closed = 0;
      std::vector<std::string> my_failures;
      for (int i = 0; NowMs() < *closes_at + 1'000; ++i) {
        Sent sent{"race-" + std::to_string(t) + "-" + std::to_string(i),
                  {{"party", "race-p" + std::to_string((t + i) % kParties)},
                   {"author", {{"name", "Writer " + std::to_string(t)}}},
                   {"points",
                    {{{"section", section_},
                      {"quote", "until the deadline"},
                      {"text", "Point " + std::to_string(t) + "/" + std::to_string(i)}}}},
                   {"publication", "public"}}};
        client::CallOptions options;
        options.idempotency_key = sent.key;
        auto r = api.Call(Verb::post, target, sent.body, options);
        if (r.ok() && r->status == 201 && r->body.contains("response")) {
          mine.push_back({std::move(sent), r->body});
        } else if (!r.ok() && r.error().status == 409 &&
                   r.error().type == "urn:hoering:consultation-closed") {
          ++my_closed;
        } else {
          my_failures.push_back(
              sent.key + ": " +
              (r.ok() ? std::to_string(r->status) + " " + r->raw : client::Describe(r.error())));
        }
      }
      std::lock_guard lock(mu);
      receipts.insert(receipts.end(), mine.begin(), mine.end());
      closed += my_closed;
      failures.insert(failures.end(), my_failures.begin(), my_failures.end());
    });
  }
  for (auto& th : threads) th.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, e.g. " << failures.front();
  RecordProperty("receipts", std::to_string(receipts.size()));
  RecordProperty("closed", std::to_string(closed));
  ASSERT_GT(receipts.size(), 0u);
  EXPECT_GT(closed, 0u);

  // Every receipt was stamped before the deadline, is on time, and reads back.
  auto reader = server_.Client(secretariat_);
  std::set<std::string> receipt_ids;
  for (const auto& r : receipts) {
    const std::string id = r.receipt["response"];
    receipt_ids.insert(id);
    const auto submitted_at = ParseRfc3339(r.receipt.value("submitted_at", ""));
    ASSERT_TRUE(submitted_at.has_value()) << r.receipt.dump();
    EXPECT_LT(*submitted_at, *closes_at) << r.receipt.dump();
    EXPECT_EQ(r.receipt["late"], false) << r.receipt.dump();
    auto got = reader.Call(Verb::get, target + "/" + id);
    ASSERT_TRUE(got.ok()) << id << ": " << client::Describe(got.error());
    EXPECT_EQ(got->body["party"], r.sent.body["party"]);
    EXPECT_EQ(got->body["points"][0]["text"], r.sent.body["points"][0]["text"]);
    EXPECT_EQ(got->body["late"], false);
    EXPECT_EQ(client::PositionFromJson(got->body["receipt"]["position"]),
              client::PositionFromJson(r.receipt["position"]));
  }
  EXPECT_EQ(receipt_ids.size(), receipts.size());  // one response per receipt

  // The log holds exactly the responses that got a receipt.
  std::multiset<std::string> logged;
  auto scanned = admin_.ScanEvents(1, std::nullopt, 1000, [&](const json& e) {
    if (e["type"] == "ResponseSubmitted" && e["data"]["consultation"] == kRaceConsultation) {
      logged.insert(e["data"]["response"].get<std::string>());
    }
    return true;
  });
  ASSERT_TRUE(scanned.ok()) << client::Describe(scanned.error());
  EXPECT_EQ(logged.size(), receipts.size());
  EXPECT_EQ(std::set<std::string>(logged.begin(), logged.end()), receipt_ids);

  auto shown = admin_.Call(Verb::get, client::Path({"v1", "consultations", kRaceConsultation}));
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->body["state"], "closed");
  EXPECT_EQ(shown->body["responses"]["submitted"], receipts.size());

  // A network retry after the deadline (same key, same body) gets the first
  // receipt back, not a 409, and writes nothing.
  ASSERT_GT(NowMs(), *closes_at);
  const std::uint64_t head = server_.store().Head().position;
  std::vector<Receipt> sample = receipts;
  std::shuffle(sample.begin(), sample.end(), std::mt19937(20261123));
  sample.resize(std::min<std::size_t>(sample.size(), 20));
  auto retrier = server_.Client(secretariat_);
  for (const auto& r : sample) {
    client::CallOptions options;
    options.idempotency_key = r.sent.key;
    auto again = retrier.Call(Verb::post, target, r.sent.body, options);
    ASSERT_TRUE(again.ok()) << r.sent.key << ": " << client::Describe(again.error());
    EXPECT_EQ(again->status, 201);
    EXPECT_EQ(again->body["response"], r.receipt["response"]);
    EXPECT_EQ(client::PositionFromJson(again->body["position"]),
              client::PositionFromJson(r.receipt["position"]));
    EXPECT_EQ(again->body["submitted_at"], r.receipt["submitted_at"]);
    EXPECT_EQ(again->headers.Get("Idempotent-Replayed"), "true");
  }
  EXPECT_EQ(server_.store().Head().position, head);
}

// An explicit close racing 32 connections of submissions: a response decided
// while the consultation was open but committed after the close would be in
// the log behind the ConsultationClosed event. The store refuses such an
// append (AppendRequest::decided_on) and the server decides again, which
// answers 409: so no submission follows the close in the log, and every
// answer is a receipt or 409 consultation-closed.
TEST_F(DeadlineRaceE2e, AnExplicitCloseIsNeverOvertakenByASubmission) {
  auto opened =
      OpenConsultation(admin_, "close-race", "Close race", 3'600'000, {"race-p0", "race-p1"});
  ASSERT_TRUE(opened.ok()) << client::Describe(opened.error());
  const std::string target = client::Path({"v1", "consultations", "close-race", "responses"});

  std::atomic<bool> closed_answered{false};
  std::atomic<int> receipts{0}, refused{0}, after_close{0};
  std::mutex mu;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int t = 0; t < 32; ++t) {
    threads.emplace_back([&, t] {
      auto api = server_.Client(secretariat_);
      // Keep submitting until a few requests were sent after the close answered.
      for (int i = 0, extra = 0; extra < 3; ++i) {
        const bool sent_after_close = closed_answered.load();
        if (sent_after_close) ++extra;
        json body = {{"party", "race-p" + std::to_string((t + i) % 2)},
                     {"author", {{"name", "Writer " + std::to_string(t)}}},
                     {"points", {{{"section", section_}, {"text", "Point"}}}},
                     {"publication", "public"}};
        auto r = api.Call(Verb::post, target, body);
        if (r.ok() && r->status == 201) {
          ++receipts;
          if (sent_after_close) ++after_close;
        } else if (!r.ok() && r.error().status == 409 &&
                   r.error().type == "urn:hoering:consultation-closed") {
          ++refused;
        } else {
          std::lock_guard lock(mu);
          failures.push_back(r.ok() ? std::to_string(r->status) : client::Describe(r.error()));
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto close =
      admin_.Call(Verb::post, "/v1/consultations/close-race/close", {{"reason", "closed early"}});
  ASSERT_TRUE(close.ok()) << client::Describe(close.error());
  closed_answered = true;
  for (auto& th : threads) th.join();
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, e.g. " << failures.front();
  EXPECT_GT(receipts.load(), 0);
  EXPECT_GT(refused.load(), 0);
  EXPECT_EQ(after_close.load(), 0);

  std::uint64_t close_position = 0, last_submission = 0, submissions = 0;
  auto scanned = admin_.ScanEvents(1, std::nullopt, 1000, [&](const json& e) {
    const std::uint64_t position = client::PositionFromJson(e["position"]).value_or(0);
    if (e["type"] == "ConsultationClosed" && e["stream"] == "consultation-close-race") {
      close_position = position;
    }
    if (e["type"] == "ResponseSubmitted" && e["data"]["consultation"] == "close-race") {
      last_submission = std::max(last_submission, position);
      ++submissions;
    }
    return true;
  });
  ASSERT_TRUE(scanned.ok()) << client::Describe(scanned.error());
  ASSERT_GT(close_position, 0u);
  EXPECT_LT(last_submission, close_position);
  EXPECT_EQ(submissions, static_cast<std::uint64_t>(receipts.load()));
}

}  // namespace
}  // namespace hoering::testing
