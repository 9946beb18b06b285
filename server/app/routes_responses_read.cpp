// Reading responses: GET .../responses, .../responses/{rid},
// .../responses/{rid}/revisions, .../responses/{rid}/attachments/{sha256}.
// Visibility (domain/consultations/visibility.h) decides what each caller
// sees; a hidden response is 404, never 403, so its existence is not revealed.
#include "domain/consultations/attachments.h"
#include "server/app/auth.h"
#include "server/app/consultation_access.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace cs = consultations;

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  auto c = LoadConsultation(ctx, m.Param("id"));
  if (!c.ok()) return respond(http::MakeProblem(c.status(), req));
  const bool closed = (*c)->PhaseAt(ctx.clock()) == cs::Phase::kClosed;
  const cs::Reader reader = ReaderOf(*who);
  const std::string after = m.Query("after").value_or("");
  const std::string party = m.Query("party").value_or("");
  auto all =
      ctx.models.Read([&](const Views& v) { return v.consultations.ResponsesOf((*c)->info().id); });
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json next = nullptr;
  bool started = after.empty();
  std::string last;
  for (const auto& r : all) {
    if (!started) {
      started = r->id() == after;
      continue;
    }
    if (!party.empty() && r->party() != party) continue;
    const cs::Visibility v = cs::VisibilityOf(reader, *r, closed);
    if (v == cs::Visibility::kHidden) continue;
    if (items.size() == *limit) {
      next = last;
      break;
    }
    items.push_back(cs::ResponseJson(*r, v, CitedByFor(ctx, r->id())));
    last = r->id();
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto seen = LoadVisibleResponse(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!seen.ok()) return respond(http::MakeProblem(seen.status(), req));
  http::Response res = http::MakeJson(
      status::ok,
      cs::ResponseJson(*seen->response, seen->visibility, CitedByFor(ctx, m.Param("rid"))), req);
  res.set(boost::beast::http::field::etag, ETagFor(seen->response->version()));
  respond(std::move(res));
}

void Revisions(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
               http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto seen = LoadVisibleResponse(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!seen.ok()) return respond(http::MakeProblem(seen.status(), req));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& rev : seen->response->revisions()) {
    items.push_back(cs::RevisionJson(*seen->response, rev, seen->visibility));
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", nullptr}}, req));
}

void Attachment(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  auto seen = LoadVisibleResponse(ctx, *who, m.Param("id"), m.Param("rid"));
  if (!seen.ok()) return respond(http::MakeProblem(seen.status(), req));
  const std::string sha = m.Param("sha256");
  const cs::AttachmentRef* ref = nullptr;
  for (const auto& rev : seen->response->revisions()) {
    for (const auto& a : rev.content.attachments) {
      if (a.sha256 == sha) ref = &a;
    }
  }
  if (ref == nullptr) {
    return respond(http::MakeProblem(
        NotFound("the response has no attachment " + sha, "attachment-not-found"), req));
  }
  auto events = ctx.log.ReadStream(cs::AttachmentStream(sha), 1, 1);
  if (!events.ok()) return respond(http::MakeProblem(events.status(), req));
  std::optional<std::string> bytes;
  if (!events->empty()) {
    auto j = nlohmann::json::parse(events->front().data, nullptr, false);
    if (j.is_object()) bytes = cs::DecodeBase64(j.value("content_base64", ""));
  }
  if (!bytes) {
    return respond(http::MakeProblem(
        Status(Code::kCorruption, "attachment " + sha + " cannot be read from the log",
               "corruption"),
        req));
  }
  http::Response res{status::ok, req.version()};
  res.set(boost::beast::http::field::content_type, ref->media_type);
  res.set(
      boost::beast::http::field::content_disposition,
      "attachment; filename=\"" +
          std::string(ref->filename.find('"') == std::string::npos ? ref->filename : "attachment") +
          "\"");
  res.set(boost::beast::http::field::etag, "\"" + sha + "\"");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(*bytes);
  res.prepare_payload();
  respond(std::move(res));
}

}  // namespace

void AddResponseReadRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::get, "/v1/consultations/{id}/responses",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/consultations/{id}/responses/{rid}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::get, "/v1/consultations/{id}/responses/{rid}/revisions",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Revisions(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::get, "/v1/consultations/{id}/responses/{rid}/attachments/{sha256}",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Attachment(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
