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
  int attempts_left = 5;
};

void Run(std::shared_ptr<Attempt> attempt, WriteCommand command);

}  // namespace

void DecideAndAppend(AppContext& ctx, const http::Request& request, const access::Principal& who,
                     Decider decide, http::Responder respond) {
  auto command = decide();
  if (!command.ok()) return respond(http::MakeProblem(command.status(), request));
  auto attempt = std::make_shared<Attempt>(Attempt{ctx, std::make_shared<http::Request>(request),
                                                   who, std::move(decide), std::move(respond)});
  Run(attempt, std::move(command).value());
}

void AppendAndRespond(AppContext& ctx, const http::Request& request,
                      const access::Principal& who, WriteCommand command,
                      http::Responder respond) {
  auto attempt = std::make_shared<Attempt>(
      Attempt{ctx, std::make_shared<http::Request>(request), who, {}, std::move(respond)});
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
    append.context.idempotency_key = (who.token_id.empty() ? "anonymous" : who.token_id) + ":" + *key;
    append.idempotency_fingerprint =
        ToHex(Sha256(std::string(request.method_string()) + " " + std::string(request.target()),
                     request.body()));
  }
  // The callback runs on the store's thread after this handler has returned.
  auto shared_request = attempt->request;
  ctx.store.AppendAsync(
      std::move(append), [attempt, shared_request, answer = std::move(command.answer),
                          on_conflict = std::move(command.on_conflict),
                          respond = std::move(respond)](Result<AppendResult> result) {
        if (!result.ok()) {
          const bool conflict = result.status().code() == Code::kWrongExpectedVersion;
          const bool if_match = shared_request->find("If-Match") != shared_request->end();
          if (conflict && !if_match && attempt->decide && --attempt->attempts_left > 0) {
            // The read models already hold the write that got in first.
            auto again = attempt->decide();
            if (!again.ok()) return respond(http::MakeProblem(again.status(), *shared_request));
            return Run(attempt, std::move(again).value());
          }
          respond(http::MakeProblem(conflict && on_conflict && !if_match ? *on_conflict
                                                                         : result.status(),
                                    *shared_request));
          return;
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
