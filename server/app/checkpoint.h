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
//
// While no event the views fold has been committed since the snapshot
// (projections::Views::Folds), the views still equal it: then only a small
// marker is written, under kCheckpointThroughKey, instead of a new snapshot:
//   {"snapshot_position": P, "snapshot_sha256": the snapshot's body_sha256,
//    "through": Q, "event_hash": hex hash of the event at Q}
// It says the views at Q equal the snapshot at P, so a start restores the
// snapshot and folds the log after Q, not after P. It is trusted only when it
// names the stored snapshot (P and body_sha256), Q > P, and the log holds an
// event at Q with that hash; otherwise the start folds from P.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/projections/views.h"
#include "storage/event_store.h"

namespace hoering::app {

inline constexpr const char* kCheckpointKey = "read-models";
inline constexpr const char* kCheckpointThroughKey = "read-models-through";

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
Result<CheckpointHeader> DecodeCheckpointHeader(std::string_view bytes);

// Checks the checkpoint against `store` as described above and restores the
// views. Problems that call for a rebuild rather than an alarm (an old format,
// a log that no longer matches) are kConflict "checkpoint-stale"; damaged bytes are kCorruption.
Result<projections::Views> DecodeCheckpoint(std::string_view bytes, const EventStore& store,
                                            CheckpointHeader* header_out = nullptr);

// The marker saying the snapshot `snapshot` also holds at `through`, whose
// event has `event_hash`.
std::string EncodeCheckpointThrough(const CheckpointHeader& snapshot, std::uint64_t through,
                                    const Hash& event_hash);

// The position a stored marker extends `snapshot` to, checked against `store`
// as described above: kConflict "checkpoint-stale" when it names another
// snapshot or the log no longer matches, kCorruption when malformed.
Result<std::uint64_t> DecodeCheckpointThrough(const std::string& bytes,
                                              const CheckpointHeader& snapshot,
                                              const EventStore& store);

}  // namespace hoering::app
