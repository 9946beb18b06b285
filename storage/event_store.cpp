#include "storage/event_store.h"

#include <future>

namespace hoering {
namespace {

struct RefusalName {
  AppendRefusal refusal;
  Code code;
  const char* type;
};

// The one table between refusals and their problem types.
constexpr RefusalName kRefusals[] = {
    {AppendRefusal::kWrongExpectedVersion, Code::kWrongExpectedVersion, "version-conflict"},
    {AppendRefusal::kDecidedOnChanged, Code::kWrongExpectedVersion, "decided-on-changed"},
    {AppendRefusal::kDeadlinePassed, Code::kConflict, "deadline-passed"},
    {AppendRefusal::kIdempotencyKeyReused, Code::kUnprocessable, "idempotency-key-reused"},
};

}  // namespace

Status RefusalStatus(AppendRefusal refusal, std::string detail) {
  for (const auto& r : kRefusals) {
    if (r.refusal == refusal) return Status(r.code, std::move(detail), r.type);
  }
  return Status(Code::kInternal, std::move(detail));
}

AppendRefusal RefusalOf(const Status& status) {
  for (const auto& r : kRefusals) {
    if (status.code() == r.code && status.type() == r.type) return r.refusal;
  }
  return AppendRefusal::kOther;
}

Result<AppendResult> EventStore::Append(AppendRequest request) {
  std::promise<Result<AppendResult>> promise;
  auto future = promise.get_future();
  AppendAsync(std::move(request),
              [&promise](Result<AppendResult> r) { promise.set_value(std::move(r)); });
  return future.get();
}

}  // namespace hoering
