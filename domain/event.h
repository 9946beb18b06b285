// The event envelope: what every stored fact looks like.
//
// A NewEvent is what a command proposes; the store turns it into a
// RecordedEvent by assigning the global position, the stream version, the
// recorded-at time and the hash chain fields. Both are plain values.
#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace hoering {

using Hash = std::array<unsigned char, 32>;  // SHA-256 digest; all zero before position 1

// Who caused an event. Empty strings mean "not applicable" (e.g. the system).
struct Actor {
  std::string token_id;
  std::string role;
  std::string party;
  bool operator==(const Actor&) const = default;
};

struct NewEvent {
  std::string type;  // stable wire name, e.g. "PartyRegistered"
  std::uint32_t schema_version = 1;
  nlohmann::json data = nlohmann::json::object();
  // Canonical JSON text of `data`. Filled by the store before commit (on the
  // caller's thread, to keep the commit path short); when set, it wins.
  std::string data_text;
};

// A stream at a version: what a decision read from a stream other than the
// one it writes (AppendRequest::decided_on).
struct StreamAt {
  std::string stream;
  std::uint64_t version = 0;
  bool operator==(const StreamAt&) const = default;
};

// Context shared by all events of one append (one command).
struct AppendContext {
  Actor actor;
  std::string correlation_id;
  std::string idempotency_key;  // empty: none
};

struct RecordedEvent {
  std::uint64_t position = 0;  // global, gapless, from 1
  std::string stream;
  std::uint64_t stream_version = 0;  // per stream, gapless, from 1
  std::string type;
  std::uint32_t schema_version = 1;
  std::int64_t recorded_at_ms = 0;  // UTC milliseconds since the Unix epoch
  Actor actor;
  std::string correlation_id;
  std::string idempotency_key;
  std::string data;  // canonical JSON text (nlohmann dump, sorted keys)
  Hash prev_hash{};
  Hash hash{};

  nlohmann::json data_json() const { return nlohmann::json::parse(data); }
  bool operator==(const RecordedEvent&) const = default;
};

}  // namespace hoering
