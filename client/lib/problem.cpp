#include "client/lib/problem.h"

namespace hoering::client {
namespace {

std::string StringField(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

}  // namespace

ApiError ProblemFromResponse(const HttpResponse& response) {
  ApiError e;
  e.status = response.status;
  auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_discarded() && body.is_object()) {
    e.type = StringField(body, "type");
    e.title = StringField(body, "title");
    e.detail = StringField(body, "detail");
    e.body = std::move(body);
  } else {
    e.detail = response.body.substr(0, 500);
  }
  if (e.type.empty()) e.type = "about:blank";
  if (e.title.empty())
    e.title = response.reason.empty() ? "HTTP " + std::to_string(e.status) : response.reason;
  return e;
}

ApiError ClientError(const Status& status, int http_status) {
  ApiError e;
  e.status = http_status;
  const std::string kind = status.type().empty() ? "client" : status.type();
  e.type = "urn:hoering:client:" + kind;
  if (kind == "timeout") {
    e.title = "Request timed out";
  } else if (kind == "connection-failed") {
    e.title = "Cannot reach the server";
  } else if (kind == "bad-response") {
    e.title = "Unreadable answer from the server";
  } else if (kind == "bad-url") {
    e.title = "Bad server URL";
  } else {
    e.title = "Client error";
  }
  e.detail = status.detail();
  return e;
}

std::string Describe(const ApiError& e) {
  std::string s = e.title;
  if (!e.detail.empty()) s += ": " + e.detail;
  s += " (" + e.type;
  if (e.status != 0) s += ", HTTP " + std::to_string(e.status);
  return s + ")";
}

}  // namespace hoering::client
