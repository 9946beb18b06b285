// Scenario "responses": parties submit responses to open consultations.
//
// Prepare (admin token): registers `parties` municipalities, creates one
// agreement of 10 sections (Markdown import), publishes version 1 and opens
// `consultations` consultations on it (opens_at = now - 1 h, closes_at =
// now + 1 day, every party invited). All ids start with "load-<run>-", so
// the scenario can run many times on one server. It also issues a
// secretariat token: submissions are made by the secretariat on behalf of
// the parties, so the runner should send that token (secretariat_token()).
//
// Next(connection, index): POST /v1/consultations/{c}/responses with a
// 1-3 KB body {party, author, summary, points: 3 x {section, quote?, text},
// publication} and an Idempotency-Key "load-<run>-<connection>-<index>". The
// body is a pure function of (fixture, connection, index), so a failing
// request can be rebuilt exactly; publication cycles public, anonymous,
// private with the index; quotes are cut from the section's body as the
// server returned it, so they occur verbatim.
//
// Check: 201 with a receipt {response, revision, submitted_at, position,
// hash, late: false}; acknowledged for the audit in stream
// "response-<response>" as "ResponseSubmitted". A uniform sample (reservoir)
// of at most kMaxReadback receipts is kept together with the bytes sent, and
// ReadBack() later GETs each sampled response and compares it with them.
//
// Thread safety: Next, Check and ReadBack may run concurrently once the
// fixture is set (Prepare or UseFixture, both before any worker starts).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "client/load/scenarios.h"

namespace hoering::client::load {

// What Prepare created, as the server holds it.
struct ResponsesFixture {
  struct Section {
    std::string id;
    std::string body;  // as GET /v1/agreements/{id} returned it
  };
  std::string agreement;
  std::vector<std::string> parties;        // REQUIRES: non-empty
  std::vector<std::string> consultations;  // REQUIRES: non-empty
  std::vector<Section> sections;           // REQUIRES: non-empty
};

// The result of reading acknowledged responses back.
struct ReadbackReport {
  std::uint64_t receipts = 0;         // 201 receipts recorded during the run
  std::uint64_t checked = 0;          // responses read back (a sample when < receipts)
  std::uint64_t mismatches = 0;       // read back differently from what was sent, or not at all
  std::vector<std::string> examples;  // up to 10 findings

  bool sampled() const { return checked < receipts; }
};

class ResponsesScenario : public Scenario {
 public:
  static constexpr std::size_t kMaxReadback = 5'000;
  static constexpr int kPoints = 3;

  explicit ResponsesScenario(ScenarioConfig config);

  std::string name() const override { return "responses"; }
  Status Prepare(Api& api) override;
  LoadRequest Next(int connection, std::uint64_t index) override;
  LoadOutcome Check(const LoadRequest& request, const HttpResponse& response) override;

  // Instead of Prepare (tests): use fixtures that exist already.
  void UseFixture(ResponsesFixture fixture) { fixture_ = std::move(fixture); }
  const ResponsesFixture& fixture() const { return fixture_; }
  // The secretariat token Prepare issued; "" when the preparing token may not
  // issue tokens (the runner's own token is then used).
  const std::string& secretariat_token() const { return secretariat_token_; }

  // GETs up to `limit` (at most kMaxReadback) recorded responses through `api`
  // (secretariat, auditor or admin) and compares party, author, summary,
  // publication and every point's section/quote/text with what was sent, and
  // the receipt's position/hash with the response's `receipt`. Sequential.
  ReadbackReport ReadBack(Api& api, std::size_t limit = kMaxReadback) const;
  // Receipts recorded so far (all of them, not only the sample).
  std::uint64_t receipts() const;

 private:
  struct Recorded {
    std::string consultation;
    std::string response;
    std::uint64_t position = 0;
    std::string hash;
    std::string body;  // the request body as sent (filled by Record when kept)
  };
  // Counts a receipt and keeps it in the read-back sample when the
  // reservoir draws it; `body` is copied only then.
  void Record(Recorded r, const std::string& body);

  ScenarioConfig config_;
  ResponsesFixture fixture_;
  std::string secretariat_token_;

  mutable std::mutex mu_;
  std::uint64_t receipts_ = 0;     // GUARDED_BY(mu_)
  std::vector<Recorded> sample_;   // GUARDED_BY(mu_); at most kMaxReadback
  std::mt19937_64 reservoir_rng_;  // GUARDED_BY(mu_); fixed seed
};

std::unique_ptr<Scenario> MakeResponsesScenario(const ScenarioConfig& config);

}  // namespace hoering::client::load
