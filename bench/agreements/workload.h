// Workload building for the agreements benchmarks (diff_bench.cpp,
// time_travel_bench.cpp): one agreement stream recorded in memory as the
// store would record it, deciding through the domain, plus small helpers for
// change-set ops and filler text. Workloads are built once per process,
// outside the timed loops; a failure while building aborts the process.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/event.h"
#include "domain/status.h"
#include "tests/support/event_log_builder.h"

namespace hoering::agreements::bench {

inline constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14T22:13:20Z

// Prints "workload setup failed: <what>" and aborts.
[[noreturn]] void Die(const std::string& what);

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) Die(std::string(what) + ": " + r.status().detail());
  return std::move(r).value();
}

// The text of tests/fixtures/<name>; dies when it cannot be read.
std::string ReadFixture(const std::string& name);

// One agreement stream as the store would record it
// (tests/support/event_log_builder.h): positions interleaved with
// `position_step - 1` events of other streams, stream versions and times one
// second apart, by the secretariat. Keeps the folded state up to date as it
// goes (with version texts).
class Stream {
 public:
  explicit Stream(std::string id, std::uint64_t position_step = 1)
      : id_(std::move(id)), log_(position_step) {}

  const std::string& id() const { return id_; }
  const AgreementState& state() const { return state_; }
  const std::vector<RecordedEvent>& events() const { return log_.events(); }

  void Append(const std::vector<NewEvent>& events);

  void Create();
  void Import(const std::string& markdown);
  // Through the decision, as a POST .../changes would.
  void Change(const nlohmann::json& ops);
  // Straight to the event (ops known to be valid; Apply still checks them).
  // Deciding would copy the text per change set and make the setup of a
  // 10,000 change set stream slow for nothing.
  void RecordChangeSet(const nlohmann::json& ops);
  void Publish(const std::string& label);

 private:
  std::string id_;
  hoering::testing::InMemoryLog log_;
  AgreementState state_;  // keeps version texts
};

// Filler words joined by spaces, at least `bytes` long.
std::string Paragraph(std::mt19937& rng, std::size_t bytes);
// The body with `word` inserted at a word boundary near `fraction` of it.
std::string InsertWord(const std::string& body, double fraction, const std::string& word);

// Change-set ops as the API takes them.
nlohmann::json Edit(const std::string& id, const std::string& body);
nlohmann::json Move(const std::string& id, const std::string& parent, const std::string& after);
nlohmann::json Remove(const std::string& id);
nlohmann::json Add(const std::string& id, const std::string& kind, const std::string& heading,
                   const std::string& parent, const std::string& body);

}  // namespace hoering::agreements::bench
