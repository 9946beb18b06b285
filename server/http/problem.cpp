#include "server/http/problem.h"

namespace hoering::http {

unsigned HttpStatusFor(Code code) {
  switch (code) {
    case Code::kInvalidArgument:
      return 400;
    case Code::kUnprocessable:
      return 422;
    case Code::kNotFound:
      return 404;
    case Code::kAlreadyExists:
      return 409;
    case Code::kConflict:
      return 409;
    case Code::kWrongExpectedVersion:
      return 409;
    case Code::kPreconditionFailed:
      return 412;
    case Code::kUnauthenticated:
      return 401;
    case Code::kPermissionDenied:
      return 403;
    case Code::kPayloadTooLarge:
      return 413;
    case Code::kUnavailable:
      return 503;
    case Code::kCorruption:
      return 500;
    case Code::kInternal:
      return 500;
    case Code::kOk:
      return 500;
  }
  return 500;
}

std::string_view DefaultProblemType(Code code) {
  switch (code) {
    case Code::kInvalidArgument:
      return "invalid-request";
    case Code::kUnprocessable:
      return "unprocessable";
    case Code::kNotFound:
      return "not-found";
    case Code::kAlreadyExists:
      return "already-exists";
    case Code::kConflict:
      return "conflict";
    case Code::kWrongExpectedVersion:
      return "version-conflict";
    case Code::kPreconditionFailed:
      return "precondition-failed";
    case Code::kUnauthenticated:
      return "unauthenticated";
    case Code::kPermissionDenied:
      return "permission-denied";
    case Code::kPayloadTooLarge:
      return "payload-too-large";
    case Code::kUnavailable:
      return "unavailable";
    case Code::kCorruption:
      return "corruption";
    case Code::kInternal:
      return "internal";
    case Code::kOk:
      return "internal";
  }
  return "internal";
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response MakeJson(beast_http::status status, const nlohmann::json& value, const Request& req) {
  return MakeBody(status, DumpJson(value), "application/json", req);
}

Response MakeBody(beast_http::status status, std::string body, std::string_view content_type,
                  const Request& req) {
  Response res{status, req.version()};
  res.set(beast_http::field::content_type, content_type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

namespace {

// The problem body; `errors` is added as the `errors` extension when not empty.
Response ProblemResponse(unsigned http_status, std::string type, std::string detail,
                         const std::vector<FieldProblem>& errors, const Request& req) {
  const auto status = beast_http::int_to_status(http_status);
  std::string title{beast_http::obsolete_reason(status)};
  if (status == beast_http::status::unknown) title = "Error";
  if (type.empty()) type = "error";
  if (!type.starts_with("urn:")) type.insert(0, kProblemTypePrefix);
  nlohmann::json body = {
      {"type", std::move(type)},
      {"title", std::move(title)},
      {"status", http_status},
      {"detail", std::move(detail)},
  };
  if (!errors.empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const FieldProblem& e : errors) {
      nlohmann::json params = nlohmann::json::object();
      for (const auto& [k, v] : e.params) params[k] = v;
      list.push_back({{"pointer", e.pointer}, {"type", e.type}, {"params", std::move(params)}});
    }
    body["errors"] = std::move(list);
  }
  Response res{status, req.version()};
  if (status == beast_http::status::unknown) res.result(http_status);
  res.set(beast_http::field::content_type, "application/problem+json");
  res.keep_alive(req.keep_alive());
  res.body() = DumpJson(body);
  res.prepare_payload();
  return res;
}

}  // namespace

Response MakeProblem(unsigned http_status, std::string type, std::string detail,
                     const Request& req) {
  return ProblemResponse(http_status, std::move(type), std::move(detail), {}, req);
}

Response MakeProblem(const hoering::Status& status, const Request& req) {
  if (status.ok()) {
    return MakeProblem(500, "internal", "internal error: an ok status was reported as a problem",
                       req);
  }
  unsigned http_status = HttpStatusFor(status.code());
  if (status.code() == Code::kWrongExpectedVersion &&
      req.find(beast_http::field::if_match) != req.end()) {
    http_status = 412;
  }
  std::string type =
      status.type().empty() ? std::string(DefaultProblemType(status.code())) : status.type();
  Response res =
      ProblemResponse(http_status, std::move(type), status.detail(), status.errors(), req);
  if (status.code() == Code::kUnauthenticated) {
    res.set(beast_http::field::www_authenticate, "Bearer");
  }
  return res;
}

}  // namespace hoering::http
