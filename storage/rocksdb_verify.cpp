// RocksDbEventStore::Verify: re-reads the whole log from a snapshot and checks
// the hash chain, the stream index and every stream head (event_store.h); and
// the test-only way to damage a stored event.
#include <rocksdb/db.h>

#include "domain/event_codec.h"
#include "storage/chain_verifier.h"
#include "storage/key_codec.h"
#include "storage/rocksdb_event_store.h"
#include "storage/rocksdb_status.h"

namespace hoering {

VerifyReport RocksDbEventStore::Verify(const VerifyProgress& progress) const {
  ChainVerifier verifier;
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  ro.verify_checksums = true;
  const rocksdb::Snapshot* snapshot = db_->GetSnapshot();
  ro.snapshot = snapshot;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, events_));
  std::string index_value;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const std::uint64_t expected = verifier.report().head.position + 1;
    auto key = it->key().ToStringView();
    if (key.size() != 8) {
      verifier.FailAt(expected, "malformed event key");
      break;
    }
    auto e = DecodeStored(it->value().ToStringView());
    if (!e.ok()) {
      verifier.FailAt(keys::DecodeU64(key), e.status().detail());
      break;
    }
    if (e->position != keys::DecodeU64(key)) {
      verifier.FailAt(keys::DecodeU64(key), "event stored under another position's key");
      break;
    }
    if (!verifier.Feed(*e)) break;
    auto s = db_->Get(ro, streams_, keys::StreamKey(e->stream, e->stream_version), &index_value);
    if (!s.ok() || index_value.size() != 8 || keys::DecodeU64(index_value) != e->position) {
      verifier.FailAt(e->position, "stream index does not point at this event");
      break;
    }
    verifier.Report(progress);
  }
  if (verifier.report().ok && !it->status().ok()) {
    verifier.FailAt(verifier.report().head.position + 1, it->status().ToString());
  }
  if (verifier.report().ok) {
    // Every stream's head record must equal its last version in the log.
    for (const auto& [stream, version] : verifier.stream_versions()) {
      auto s = db_->Get(ro, stream_heads_, stream, &index_value);
      if (!s.ok() || index_value.size() != 8 || keys::DecodeU64(index_value) != version) {
        verifier.FailAt(verifier.report().head.position,
                        "stream head of '" + stream + "' does not match its last event");
        break;
      }
    }
  }
  it.reset();
  db_->ReleaseSnapshot(snapshot);
  return verifier.report();
}

Status RocksDbEventStore::TamperForTest(std::uint64_t position,
                                        const std::function<void(std::string&)>& change) {
  std::string value;
  auto s = db_->Get({}, events_, keys::EventKey(position), &value);
  if (!s.ok()) return FromRocks(s, "reading event");
  change(value);
  return FromRocks(db_->Put({}, events_, keys::EventKey(position), value), "writing event");
}

}  // namespace hoering
