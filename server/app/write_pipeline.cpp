#include "server/app/write_pipeline.h"

#include "domain/sha256.h"
#include "server/app/request_helpers.h"
#include "server/http/problem.h"

namespace hoering::app {

namespace {

struct Attempt {
  AppContext& ctx;
  std::shared_ptr<http::Request> request;
  access::Principal who;
  Decider decide;  // empty: no retries
  http::Responder respond;
  ReplayAnswer replay;  // answers a duplicate from the first attempt's events
  int attempts_left = 32;
};

void Run(std::shared_ptr<Attempt> attempt, WriteCommand command);

}  // namespace

// The store key of a request's Idempotency-Key (scoped to the token) and the
// fingerprint of the request; nullopt without a key.
std::optional<std::pair<std::string, std::string>> IdempotencyOf(const http::Request& request,
                                                                 const access::Principal& who) {
  auto key = Header(request, "Idempotency-Key");
  if (!key) return std::nullopt;
  return std::make_pair(
      (who.token_id.empty() ? "anonymous" : who.token_id) + ":" + *key,
      ToHex(Sha256(std::string(request.method_string()) + " " + std::string(request.target()),
                   request.body())));
}

// Answers a retry of a committed request from the events it wrote. False when
// the key is new (or absent).
bool ReplayIfCommitted(AppContext& ctx, const http::Request& request, const access::Principal& who,
                       const ReplayAnswer& replay, const http::Responder& respond) {
  auto id = IdempotencyOf(request, who);
  if (!id) return false;
  auto seen = ctx.store.FindIdempotencyKey(id->first);
  if (!seen) return false;
  if (seen->fingerprint != id->second) {
    respond(
        http::MakeProblem(Unprocessable("Idempotency-Key was already used for a different request",
                                        "idempotency-key-reused"),
                          request));
    return true;
  }
  const AppendResult& r = seen->result;
  auto stored = ctx.store.ReadAll(r.first_position, r.last_position - r.first_position + 1);
  if (!stored.ok()) {
    respond(http::MakeProblem(stored.status(), request));
    return true;
  }
  std::vector<NewEvent> events;
  for (const auto& e : *stored) events.push_back({e.type, e.schema_version, e.data_json(), {}});
  AppendResult dup = r;
  dup.duplicate = true;
  http::Response res = replay(dup, request, events);
  SetPositionHeader(res, r.last_position);
  res.set(boost::beast::http::field::etag, ETagFor(r.stream_version));
  res.set("Idempotent-Replayed", "true");
  respond(std::move(res));
  return true;
}

void DecideAndAppend(AppContext& ctx, const http::Request& request, const access::Principal& who,
                     Decider decide, ReplayAnswer replay, http::Responder respond) {
  if (ReplayIfCommitted(ctx, request, who, replay, respond)) return;
  auto command = decide();
  if (!command.ok()) return respond(http::MakeProblem(command.status(), request));
  auto attempt =
      std::make_shared<Attempt>(Attempt{ctx, std::make_shared<http::Request>(request), who,
                                        std::move(decide), std::move(respond), std::move(replay)});
  Run(attempt, std::move(command).value());
}

ReplayAnswer EventDataAnswer(boost::beast::http::status code) {
  return [code](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    nlohmann::json out = e.empty() ? nlohmann::json::object() : e.front().data;
    out["position"] = r.last_position;
    out["hash"] = ToHex(r.last_hash);
    out["stream_version"] = r.stream_version;
    return http::MakeJson(code, out, q);
  };
}

WriteCommand CommandFor(std::string stream, ExpectedVersion expected, std::vector<NewEvent> events,
                        const ReplayAnswer& answer) {
  WriteCommand cmd;
  cmd.stream = std::move(stream);
  cmd.expected = expected;
  cmd.events = std::move(events);
  cmd.answer = [answer, events = cmd.events](const AppendResult& r, const http::Request& q) {
    return answer(r, q, events);
  };
  return cmd;
}

void AppendAndRespond(AppContext& ctx, const http::Request& request, const access::Principal& who,
                      WriteCommand command, http::Responder respond) {
  auto attempt = std::make_shared<Attempt>(
      Attempt{ctx, std::make_shared<http::Request>(request), who, {}, std::move(respond), {}});
  Run(attempt, std::move(command));
}

namespace {

void Run(std::shared_ptr<Attempt> attempt, WriteCommand command) {
  AppContext& ctx = attempt->ctx;
  const http::Request& request = *attempt->request;
  const access::Principal& who = attempt->who;
  http::Responder respond = attempt->respond;
  AppendRequest append;
  append.stream = std::move(command.stream);
  append.expected = command.expected;
  append.events = std::move(command.events);
  append.commit_before_ms = command.commit_before_ms;
  append.decided_on = std::move(command.decided_on);
  append.context.actor = who.actor();
  append.context.correlation_id =
      Header(request, "X-Correlation-Id").value_or(Header(request, "X-Request-Id").value_or(""));
  if (auto key = Header(request, "Idempotency-Key")) {
    if (key->empty() || key->size() > 200) {
      respond(http::MakeProblem(
          InvalidArgument("Idempotency-Key must be 1-200 characters", "invalid-idempotency-key"),
          request));
      return;
    }
    append.context.idempotency_key =
        (who.token_id.empty() ? "anonymous" : who.token_id) + ":" + *key;
    append.idempotency_fingerprint =
        ToHex(Sha256(std::string(request.method_string()) + " " + std::string(request.target()),
                     request.body()));
  }
  // The callback runs on the store's thread after this handler has returned.
  auto shared_request = attempt->request;
  ctx.store.AppendAsync(
      std::move(append),
      [attempt, shared_request, answer = std::move(command.answer),
       on_conflict = std::move(command.on_conflict), on_deadline = std::move(command.on_deadline),
       respond = std::move(respond)](Result<AppendResult> result) {
        if (!result.ok()) {
          if (result.status().type() == "deadline-passed" && on_deadline) {
            return respond(http::MakeProblem(*on_deadline, *shared_request));
          }
          const bool conflict = result.status().code() == Code::kWrongExpectedVersion;
          // A stream the decision read moved on: decide again whatever If-Match
          // said about the written stream.
          const bool stale = result.status().type() == "decided-on-changed";
          const bool if_match = shared_request->find("If-Match") != shared_request->end();
          if (conflict && (!if_match || stale) && attempt->decide && --attempt->attempts_left > 0) {
            // The read models already hold the write that got in first.
            auto again = attempt->decide();
            if (!again.ok()) return respond(http::MakeProblem(again.status(), *shared_request));
            return Run(attempt, std::move(again).value());
          }
          respond(http::MakeProblem(
              conflict && on_conflict && !if_match ? *on_conflict : result.status(),
              *shared_request));
          return;
        }
        if (result->duplicate && attempt->replay) {
          // The same key committed concurrently by an earlier attempt, which
          // may have decided differently (e.g. another generated id): answer
          // from what that attempt wrote.
          auto& ctx = attempt->ctx;
          if (ReplayIfCommitted(ctx, *shared_request, attempt->who, attempt->replay, respond)) {
            return;
          }
        }
        http::Response res = answer(*result, *shared_request);
        SetPositionHeader(res, result->last_position);
        res.set(boost::beast::http::field::etag, ETagFor(result->stream_version));
        if (result->duplicate) res.set("Idempotent-Replayed", "true");
        respond(std::move(res));
      });
}

}  // namespace

}  // namespace hoering::app
