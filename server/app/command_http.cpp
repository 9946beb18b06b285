#include "server/app/command_http.h"

#include "domain/sha256.h"
#include "server/app/request_helpers.h"
#include "server/http/problem.h"

namespace hoering::app {

Result<commands::CommandMeta> CommandMetaFor(const http::Request& request,
                                             const access::Principal& who) {
  commands::CommandMeta meta;
  meta.actor = who.actor();
  meta.correlation_id =
      Header(request, "X-Correlation-Id").value_or(Header(request, "X-Request-Id").value_or(""));
  if (auto key = Header(request, "Idempotency-Key")) {
    if (key->empty() || key->size() > 200) {
      return InvalidArgument("Idempotency-Key must be 1-200 characters", "invalid-idempotency-key");
    }
    meta.idempotency = commands::IdempotencyKey::For(
        who.token_id, *key,
        std::string(request.method_string()) + " " + std::string(request.target()), request.body());
  }
  if (request.find("If-Match") != request.end()) meta.on_conflict = commands::OnConflict::kRefuse;
  return meta;
}

void RespondWritten(const Result<commands::Written>& written, const http::Request& request,
                    const WriteAnswer& answer, const http::Responder& respond) {
  if (!written.ok()) return respond(http::MakeProblem(written.status(), request));
  const AppendResult& r = written->result;
  http::Response res;
  try {
    res = answer(r, request, written->events);
  } catch (const std::exception& e) {
    return respond(http::MakeProblem(
        Status(Code::kInternal, std::string("building the answer failed: ") + e.what()), request));
  }
  SetPositionHeader(res, r.last_position);
  res.set(boost::beast::http::field::etag, ETagFor(r.stream_version));
  if (r.duplicate) res.set("Idempotent-Replayed", "true");
  respond(std::move(res));
}

void ExecuteCommand(AppContext& ctx, std::shared_ptr<const http::Request> request,
                    const access::Principal& who, Decide decide, WriteAnswer answer,
                    http::Responder respond) {
  auto meta = CommandMetaFor(*request, who);
  if (!meta.ok()) return respond(http::MakeProblem(meta.status(), *request));
  ctx.commands.Execute(std::move(meta).value(), std::move(decide),
                       [request = std::move(request), answer = std::move(answer),
                        respond = std::move(respond)](Result<commands::Written> written) {
                         RespondWritten(written, *request, answer, respond);
                       });
}

WriteAnswer EventDataAnswer(boost::beast::http::status code) {
  return [code](const AppendResult& r, const http::Request& q, const std::vector<NewEvent>& e) {
    nlohmann::json out = e.empty() ? nlohmann::json::object() : e.front().data;
    out["position"] = r.last_position;
    out["hash"] = ToHex(r.last_hash);
    out["stream_version"] = r.stream_version;
    return http::MakeJson(code, out, q);
  };
}

Command CommandFor(std::string stream, ExpectedVersion expected, std::vector<NewEvent> events) {
  Command cmd;
  cmd.stream = std::move(stream);
  cmd.expected = expected;
  cmd.events = std::move(events);
  return cmd;
}

}  // namespace hoering::app
