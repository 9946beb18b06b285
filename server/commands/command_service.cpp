#include "server/commands/command_service.h"

#include <exception>
#include <future>

#include "domain/sha256.h"
#include "storage/commit_planner.h"

namespace hoering::commands {

struct CommandService::Attempt {
  CommandMeta meta;
  Decide decide;
  Completion done;
  int attempts_left = kMaxAttempts;
};

namespace {

// Runs `decide`, turning an escaped exception into kInternal.
Result<Command> DecideSafely(const Decide& decide) {
  try {
    return decide();
  } catch (const std::exception& e) {
    return Status(Code::kInternal, std::string("a decision threw: ") + e.what());
  } catch (...) {
    return Status(Code::kInternal, "a decision threw");
  }
}

}  // namespace

IdempotencyKey IdempotencyKey::For(std::string_view scope, std::string_view client_key,
                                   std::string_view request_head, std::string_view request_body) {
  return {std::string(scope.empty() ? "anonymous" : scope) + ":" + std::string(client_key),
          ToHex(Sha256(request_head, request_body))};
}

std::optional<Result<Written>> CommandService::Replay(const IdempotencyKey& key) const {
  auto seen = store_.FindIdempotencyKey(key.key);
  if (!seen) return std::nullopt;
  if (seen->fingerprint != key.fingerprint) {
    return Result<Written>(
        RefusalStatus(AppendRefusal::kIdempotencyKeyReused,
                      "Idempotency-Key was already used for a different request"));
  }
  const AppendResult& first = seen->result;
  auto stored =
      store_.ReadAll(first.first_position, first.last_position - first.first_position + 1);
  if (!stored.ok()) return Result<Written>(stored.status());
  Written w;
  w.result = first;
  w.result.duplicate = true;
  w.replayed = true;
  for (const auto& e : *stored) {
    auto data = nlohmann::json::parse(e.data, nullptr, /*allow_exceptions=*/false);
    if (data.is_discarded()) {
      return Result<Written>(Status(Code::kCorruption,
                                    "event " + std::to_string(e.position) + ": data is not JSON",
                                    "corruption"));
    }
    w.events.push_back({e.type, e.schema_version, std::move(data), {}});
  }
  return Result<Written>(std::move(w));
}

void CommandService::Execute(CommandMeta meta, Decide decide, Completion done) {
  if (meta.idempotency) {
    if (auto replay = Replay(*meta.idempotency)) return done(std::move(*replay));
  }
  Run(std::make_shared<Attempt>(Attempt{std::move(meta), std::move(decide), std::move(done)}));
}

Result<Written> CommandService::ExecuteAndWait(CommandMeta meta, Decide decide) {
  std::promise<Result<Written>> promise;
  auto future = promise.get_future();
  Execute(std::move(meta), std::move(decide),
          [&promise](Result<Written> w) { promise.set_value(std::move(w)); });
  return future.get();
}

void CommandService::Run(std::shared_ptr<Attempt> attempt) {
  auto command = DecideSafely(attempt->decide);
  if (!command.ok()) return attempt->done(command.status());
  if (command->events.empty()) return attempt->done(Written{});
  AppendRequest append;
  append.stream = command->stream;
  append.expected = command->expected;
  // The store needs each event's canonical text only; the command keeps the
  // JSON for the answer (Written::events), so it is not copied.
  append.events.reserve(command->events.size());
  for (const NewEvent& e : command->events) {
    append.events.push_back(
        {e.type, e.schema_version, nlohmann::json(), CommitPlanner::CanonicalJson(e.data)});
  }
  append.commit_before = command->commit_before;
  append.decided_on = command->decided_on;
  append.context.actor = attempt->meta.actor;
  append.context.correlation_id = attempt->meta.correlation_id;
  if (const auto& key = attempt->meta.idempotency) {
    append.context.idempotency_key = key->key;
    append.idempotency_fingerprint = key->fingerprint;
  }
  store_.AppendAsync(std::move(append), [this, attempt, command = std::move(command).value()](
                                            Result<AppendResult> appended) mutable {
    // Runs on the store's completion thread: nothing may escape from here. A
    // completion that throws has a bug of its own; the request it answers
    // may then stay unanswered, but the store keeps committing.
    try {
      Finish(attempt, std::move(appended), std::move(command));
    } catch (...) {
    }
  });
}

void CommandService::Finish(const std::shared_ptr<Attempt>& attempt, Result<AppendResult> appended,
                            Command command) {
  if (appended.ok()) {
    if (appended->duplicate && attempt->meta.idempotency) {
      // The same key committed concurrently by an earlier request, which may
      // have decided differently (another generated id): answer with its events.
      if (auto replay = Replay(*attempt->meta.idempotency))
        return attempt->done(std::move(*replay));
    }
    return attempt->done(Written{*appended, std::move(command.events), appended->duplicate});
  }
  const Status& refused = appended.status();
  const bool again = --attempt->attempts_left > 0;
  switch (RefusalOf(refused)) {
    case AppendRefusal::kDeadlinePassed:
      return attempt->done(command.on_deadline ? *command.on_deadline : refused);
    case AppendRefusal::kDecidedOnChanged:
      if (again) return Run(attempt);
      return attempt->done(command.on_conflict ? *command.on_conflict : refused);
    case AppendRefusal::kWrongExpectedVersion:
      if (attempt->meta.on_conflict == OnConflict::kRefuse) return attempt->done(refused);
      if (again) return Run(attempt);
      return attempt->done(command.on_conflict ? *command.on_conflict : refused);
    case AppendRefusal::kIdempotencyKeyReused:
    case AppendRefusal::kOther:
      return attempt->done(refused);
  }
  attempt->done(refused);
}

}  // namespace hoering::commands
