// How the event store sets RocksDB up: the memory budget (block cache and
// memtables, RocksDbStoreOptions), the table format, and the column families
// with their options, in the order RocksDbEventStore keeps their handles:
// default (meta), events, streams, idempotency, projections, stream_heads,
// local_state. Each choice says why beside it.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <vector>

#include "storage/rocksdb_event_store.h"

namespace hoering {

struct RocksDbSetup {
  rocksdb::Options db;
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
};

RocksDbSetup RocksDbSetupFor(const RocksDbStoreOptions& options);

}  // namespace hoering
