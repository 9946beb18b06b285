// Test support for the agreement domain: an in-memory stream that turns the
// NewEvents of a decision into RecordedEvents (positions, times, actor), so
// tests read as given (history) / when (decide) / then (events, state).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_state.h"
#include "domain/event.h"

namespace hoering::agreements::testing {

inline constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

class History {
 public:
  explicit History(std::string id = "sa-2024") : id_(std::move(id)) {}

  const std::string& id() const { return id_; }
  const std::vector<RecordedEvent>& events() const { return events_; }
  AgreementState State(FoldOptions o = {}) const {
    auto s = AgreementState::Fold(events_, o);
    EXPECT_TRUE(s.ok()) << s.status().detail();
    return s.ok() ? std::move(s).value() : AgreementState(o);
  }

  // Records events as the store would: position and stream version +1, one
  // second apart. Other streams' events are interleaved by position_step.
  void Append(const std::vector<NewEvent>& events, Actor actor = {"tok-sec", "secretariat", ""}) {
    for (const auto& n : events) {
      RecordedEvent e;
      position_ += position_step;
      e.position = position_;
      e.stream = StreamFor(id_);
      e.stream_version = events_.size() + 1;
      e.type = n.type;
      e.schema_version = n.schema_version;
      e.recorded_at_ms = kT0 + static_cast<std::int64_t>(events_.size()) * 1000;
      e.actor = actor;
      e.correlation_id = "corr-" + std::to_string(e.position);
      e.data = n.data.dump();
      events_.push_back(std::move(e));
    }
  }
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

  std::uint64_t position_step = 1;

 private:
  std::string id_;
  std::vector<RecordedEvent> events_;
  std::uint64_t position_ = 0;
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

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(HOERING_SOURCE_DIR) + "/tests/fixtures/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hoering::agreements::testing
