#include "storage/event_store.h"

#include <future>

namespace hoering {

Result<AppendResult> EventStore::Append(AppendRequest request) {
  std::promise<Result<AppendResult>> promise;
  auto future = promise.get_future();
  AppendAsync(std::move(request),
              [&promise](Result<AppendResult> r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace hoering
