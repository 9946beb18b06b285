// Logs built in memory, for tests and benchmarks that fold, replay or decide
// on events without a store: the NewEvents of a decision recorded as the
// store would record them (positions, stream versions, times, actor,
// correlation id). One place for this, so every hand-made log agrees on what
// a recorded event looks like.
//
// RecordAs: one event at a place the caller chooses (a damaged log, an event
// out of order, the random history's local model).
// InMemoryLog: a whole log; each Append takes the next position and its
// stream's next version, and sets the hash.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "domain/event.h"
#include "domain/sha256.h"
#include "domain/time.h"

namespace hoering::testing {

// The actor of most events in tests: the secretariat's token.
inline const Actor kTestSecretariat{"tok-sec", "secretariat", ""};

// Where and when the store put an event, and who wrote it.
struct RecordPlace {
  std::uint64_t position = 0;
  std::string stream;
  std::uint64_t stream_version = 0;
  TimeMs recorded_at_ms = 0;
  Actor actor;
};

// `event` as recorded at `place`: type, schema version, data (data_text
// when set, else data.dump(), as the store does) and correlation id
// "corr-<position>". The hash stays zero: no caller of RecordAs needs one, and
// the random history's 100,000 events would pay for it.
inline RecordedEvent RecordAs(const NewEvent& event, RecordPlace place) {
  RecordedEvent e;
  e.position = place.position;
  e.stream = std::move(place.stream);
  e.stream_version = place.stream_version;
  e.type = event.type;
  e.schema_version = event.schema_version;
  e.recorded_at_ms = place.recorded_at_ms;
  e.actor = std::move(place.actor);
  e.correlation_id = "corr-" + std::to_string(e.position);
  e.data = event.data_text.empty() ? event.data.dump() : event.data_text;
  return e;
}

// A global log in memory. Positions start at `position_step` and grow by it
// (a step of n stands for n - 1 events of other streams between two of this
// log's), stream versions are gapless from 1, and each event's hash is the
// SHA-256 of its data (distinct per content; not the store's chained hash).
class InMemoryLog {
 public:
  explicit InMemoryLog(std::uint64_t position_step = 1) : position_step_(position_step) {}

  const RecordedEvent& Append(const std::string& stream, const NewEvent& event, TimeMs at,
                              const Actor& actor = kTestSecretariat) {
    RecordedEvent e = RecordAs(event, {NextPosition(), stream, ++versions_[stream], at, actor});
    e.hash = Sha256(e.data);
    events_.push_back(std::move(e));
    return events_.back();
  }
  void AppendAll(const std::string& stream, const std::vector<NewEvent>& events, TimeMs at,
                 const Actor& actor = kTestSecretariat) {
    for (const auto& n : events) Append(stream, n, at, actor);
  }
  // Replaces the data of the last event as a damaged or newer log would hold
  // it (the hash stays that of the data appended). REQUIRES: not empty.
  void SetLastData(std::string data) { events_.back().data = std::move(data); }

  // The position the next Append takes.
  std::uint64_t NextPosition() const {
    return (events_.empty() ? 0 : events_.back().position) + position_step_;
  }
  // Changes the gap between later positions.
  void set_position_step(std::uint64_t step) { position_step_ = step; }

  std::vector<RecordedEvent> Stream(const std::string& stream) const {
    std::vector<RecordedEvent> out;
    for (const auto& e : events_) {
      if (e.stream == stream) out.push_back(e);
    }
    return out;
  }
  const std::vector<RecordedEvent>& events() const { return events_; }

 private:
  std::uint64_t position_step_;
  std::vector<RecordedEvent> events_;
  std::map<std::string, std::uint64_t> versions_;
};

}  // namespace hoering::testing
