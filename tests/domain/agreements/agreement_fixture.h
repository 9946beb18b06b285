// Test support for the agreement domain: an in-memory stream that turns the
// NewEvents of a decision into RecordedEvents (positions, times, actor), so
// tests read as given (history) / when (decide) / then (events, state).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_state.h"
#include "domain/event.h"
#include "tests/support/event_log_builder.h"
#include "tests/support/files.h"

namespace hoering::agreements::testing {

inline constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

class History {
 public:
  explicit History(std::string id = "sa-2024") : id_(std::move(id)) {}

  const std::string& id() const { return id_; }
  const std::vector<RecordedEvent>& events() const { return log_.events(); }
  AgreementState State(FoldOptions o = {}) const {
    auto s = AgreementState::Fold(log_.events(), o);
    EXPECT_TRUE(s.ok()) << s.status().detail();
    return s.ok() ? std::move(s).value() : AgreementState(o);
  }

  // Records events as the store would (tests/support/event_log_builder.h):
  // position and stream version +1, one second apart.
  void Append(const std::vector<NewEvent>& events,
              const Actor& actor = hoering::testing::kTestSecretariat) {
    for (const auto& n : events) {
      log_.Append(StreamFor(id_), n, kT0 + static_cast<std::int64_t>(log_.events().size()) * 1000,
                  actor);
    }
  }
  // Other streams' events are interleaved: positions of later events step by
  // `step` instead of 1.
  void set_position_step(std::uint64_t step) { log_.set_position_step(step); }
  // Decides against the current state and appends; fails the test on error.
  void Apply(const Result<std::vector<NewEvent>>& r) {
    ASSERT_TRUE(r.ok()) << r.status().detail();
    Append(*r);
  }

  void Create() {
    CreateAgreement c;
    c.id = id_;
    c.title = "Sundhedsaftalen 2024-2027";
    c.term.entry_into_force = "2024-01-01";
    c.parties = {"region-midt", "aarhus"};
    Apply(DecideCreate(State(), c));
  }
  Result<std::vector<NewEvent>> Change(const nlohmann::json& body) const {
    auto cmd = ParseRecordChange(body);
    if (!cmd.ok()) return cmd.status();
    return DecideChange(State(), std::move(cmd).value());
  }
  void MustChange(const nlohmann::json& ops, const std::string& rationale = "because") {
    Apply(Change({{"rationale", rationale}, {"ops", ops}}));
  }
  void MustPublish(const std::string& label) { Apply(DecidePublish(State(), {label, {}})); }

 private:
  std::string id_;
  hoering::testing::InMemoryLog log_;
};

inline nlohmann::json Add(const std::string& id, const std::string& heading,
                          const std::string& parent = "", const std::string& kind = "text",
                          const std::string& body = "") {
  nlohmann::json op = {
      {"op", "add"},
      {"section", {{"id", id}, {"kind", kind}, {"heading", heading}, {"body", body}}}};
  if (!parent.empty()) op["parent"] = parent;
  return op;
}

// The text of tests/fixtures/<name>; "" when it cannot be read.
inline std::string ReadFixture(const std::string& name) {
  return hoering::testing::ReadWholeFile(hoering::testing::FixturePath(name)).value_or("");
}

}  // namespace hoering::agreements::testing
