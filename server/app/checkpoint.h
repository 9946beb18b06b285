// The snapshot of the in-memory read views (projections::Views) at one log
// position, kept under the key "read-models" of the store's projections
// column family. (The persistent response index keeps its own position.)
//
// Bytes := header JSON text, "\n", body
//   header: {"format": projections::kSnapshotFormat, "position": P,
//            "event_hash": hex hash of the event at P,
//            "body_sha256": hex SHA-256 of body,
//            "parts": [{"view": name, "bytes": N}...]}
//   body:   the parts back to back, each the CBOR (RFC 8949) of one view's
//           Snapshot() (projections::Views member `view`).
// A checkpoint is trusted only when its format is the current one, its body
// hashes to body_sha256, and the log still holds an event at P with that
// hash (so a checkpoint never outlives a replaced or restored store).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "domain/projections/views.h"
#include "storage/event_store.h"

namespace hoering::app {

inline constexpr const char* kCheckpointKey = "read-models";

struct CheckpointHeader {
  int format = 0;
  std::uint64_t position = 0;
  std::string event_hash;                                    // hex
  std::string body_sha256;                                   // hex
  std::vector<std::pair<std::string, std::uint64_t>> parts;  // view name, bytes
  std::size_t body_offset = 0;                               // where the body starts in the bytes
};

// Serialises `views` as folded up to `position`,
// whose event has `event_hash`.
std::string EncodeCheckpoint(const projections::Views& views, std::uint64_t position,
                             const Hash& event_hash);

// Parses just the header (cheap). kCorruption on a malformed header.
Result<CheckpointHeader> DecodeCheckpointHeader(const std::string& bytes);

// Checks the checkpoint against `store` as described above and restores the
// views. Problems that call for a rebuild rather than an alarm (an old format,
// a log that no longer matches) are kConflict "checkpoint-stale"; damaged bytes are kCorruption.
Result<projections::Views> DecodeCheckpoint(const std::string& bytes, const EventStore& store,
                                            CheckpointHeader* header_out = nullptr);

}  // namespace hoering::app
