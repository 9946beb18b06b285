// The canonical byte encoding of a recorded event and its hash chain.
//
// Grammar (all integers big-endian; see docs/storage-format.md):
//   canonical := "hoer-ev1" position:u64 stream_version:u64 recorded_at_ms:i64
//                schema_version:u32 str(stream) str(type) str(actor.token_id)
//                str(actor.role) str(actor.party) str(correlation_id)
//                str(idempotency_key) str(data)
//   str       := length:u32 byte*length
//   hash      := SHA-256(prev_hash || canonical)
//   stored    := format:u8(=1) prev_hash:32 hash:32 canonical
//
// The same bytes are hashed by the server when it appends, by `verify`, and by
// any client that re-checks events it read from /v1/events.
#pragma once

#include <string>
#include <string_view>

#include "domain/event.h"
#include "domain/status.h"

namespace hoering {

// The bytes that are hashed (everything but prev_hash and hash).
std::string CanonicalBytes(const RecordedEvent& e);

// SHA-256(prev_hash || CanonicalBytes(e)).
Hash ChainHash(const Hash& prev_hash, const RecordedEvent& e);

// Sets e.prev_hash and e.hash.
void SealEvent(RecordedEvent& e, const Hash& prev_hash);

// The stored value: format byte, prev_hash, hash, canonical bytes.
std::string EncodeStored(const RecordedEvent& e);

// Parses a stored value. Does NOT check the hash (see HashMatches); fails with
// kCorruption when the bytes do not follow the grammar.
Result<RecordedEvent> DecodeStored(std::string_view bytes);

// True when e.hash == ChainHash(e.prev_hash, e).
bool HashMatches(const RecordedEvent& e);

// JSON view of an envelope as served by /v1/events (hashes in hex, data as an
// object). ToJson/FromJson round-trip exactly, so clients can re-hash.
nlohmann::json EventToJson(const RecordedEvent& e);
// EventToJson() without `data` and `data_canonical`: what an audit of
// positions, streams and hashes needs, at a fraction of the bytes.
nlohmann::json EventHeadToJson(const RecordedEvent& e);
Result<RecordedEvent> EventFromJson(const nlohmann::json& j);

}  // namespace hoering
