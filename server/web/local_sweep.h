// Removing expired values of one kind from the local state store
// (storage/local_state_store.h): web sessions and response drafts.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "domain/status.h"
#include "storage/local_state_store.h"

namespace hoering::web {

// Deletes every value under `prefix` for which `expired(value)` is true
// (a value that cannot be read should count as expired); returns how many.
Result<std::size_t> SweepLocal(LocalStateStore& store, const std::string& prefix,
                               const std::function<bool(const std::string&)>& expired);

}  // namespace hoering::web
