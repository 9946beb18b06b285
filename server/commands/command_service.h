// The one write path (after Eventuous's CommandService.Handle): decide on
// the current state -> append with the expected version, the idempotency key
// and the cross-stream conditions (deadline, decided_on) -> when another
// write got in first, decide again. Free of HTTP: the routes, the demo loader,
// the random history and the benchmarks call it alike; the routes map its
// outcome to HTTP in one place (server/app/command_http.h).
//
// Contract of Execute():
//  * A key already committed is answered from what its first request wrote
//    (Written::replayed), before deciding: that request changed the state a
//    new decision would see. The same key with another fingerprint is 422
//    "idempotency-key-reused". A concurrent duplicate is answered the same way.
//  * `decide` runs on the caller's thread first and, after a conflict, on the
//    store's completion thread; it reads current state (the server's read views
//    are updated before an append is acknowledged) and must not block.
//  * A conflict (the written stream moved on) is decided again when the meta
//    says OnConflict::kDecideAgain, at most kMaxAttempts times; with kRefuse
//    (the caller named the version it expects, If-Match) it is the answer.
//    A stream the decision read that moved on (decided_on) is always decided
//    again. When the attempts run out, Command::on_conflict is the answer.
//  * A commit at or after Command::commit_before is refused with
//    Command::on_deadline (or the store's "deadline-passed").
//  * A Command without events writes nothing: `done` gets an empty Written.
//  * `done` runs exactly once, on the caller's thread (refusals before any
//    append, replays) or on the store's completion thread. No thread waits for an
//    fsync. An exception thrown by `decide` is reported as kInternal; `done`
//    must not throw (one that does is stopped at the completion thread's edge).
//
// Thread safety: Execute() and Replay() may be called from any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.h"
#include "domain/status.h"
#include "storage/event_store.h"

namespace hoering::commands {

// What a decision proposes to append.
struct Command {
  std::string stream;
  ExpectedVersion expected;
  std::vector<NewEvent> events;  // empty: nothing to write
  // The store commits only before this instant (UTC ms).
  std::optional<std::int64_t> commit_before;
  // Another stream the decision read, at the version it read.
  std::optional<StreamAt> decided_on;
  // The answer when the written stream moved on and no decision again
  // applies (e.g. 409 "party-exists" for a NoStream registration).
  std::optional<Status> on_conflict;
  // The answer when the deadline passed (e.g. 409 "consultation-closed").
  std::optional<Status> on_deadline;
};

// A client's idempotency key, scoped to the caller, and the fingerprint of
// the request behind it.
struct IdempotencyKey {
  std::string key;          // "<scope>:<client key>"
  std::string fingerprint;  // hex SHA-256 of the request's text

  // The one fingerprint: SHA-256 of the request's head and body, concatenated
  // (for HTTP: "<method> <target>" and the body), under a key scoped to
  // `scope` (the caller's token id; "anonymous" when empty).
  static IdempotencyKey For(std::string_view scope, std::string_view client_key,
                            std::string_view request_head, std::string_view request_body);
};

enum class OnConflict {
  kDecideAgain,  // decide on the fresher state (two editors of different sections both succeed)
  kRefuse,       // the caller named the version it expects: the conflict is its answer
};

struct CommandMeta {
  Actor actor;
  std::string correlation_id;
  std::optional<IdempotencyKey> idempotency;
  OnConflict on_conflict = OnConflict::kDecideAgain;
};

// What an executed command wrote.
struct Written {
  AppendResult result;           // all zero when nothing was written
  std::vector<NewEvent> events;  // as decided; for a replay, as the first request stored them
  bool replayed = false;         // answered from an idempotency key already committed
};

using Decide = std::function<Result<Command>()>;
using Completion = std::function<void(Result<Written>)>;

class CommandService {
 public:
  static constexpr int kMaxAttempts = 32;

  explicit CommandService(EventStore& store) : store_(store) {}

  void Execute(CommandMeta meta, Decide decide, Completion done);

  // Execute() and wait for its completion: for start-up and tools (the first
  // admin token, loaders, benchmarks), never on a server I/O thread.
  Result<Written> ExecuteAndWait(CommandMeta meta, Decide decide);

  // The first answer of a committed key; nullopt when the key is new; 422
  // "idempotency-key-reused" when another request used it.
  std::optional<Result<Written>> Replay(const IdempotencyKey& key) const;

  // Reading side of the store, for deciders and queries.
  const EventLog& log() const { return store_; }

 private:
  struct Attempt;
  void Run(std::shared_ptr<Attempt> attempt);
  void Finish(const std::shared_ptr<Attempt>& attempt, Result<AppendResult> appended,
              Command command);

  EventStore& store_;
};

}  // namespace hoering::commands
