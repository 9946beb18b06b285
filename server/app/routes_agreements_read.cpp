// Reads of agreements (public): GET /v1/agreements, /v1/agreements/{id}
// (?at=, ?format=md), .../versions, .../versions/{n|label}, .../diff,
// .../changes. Texts, diffs and change logs come from agreement_text_queries.h.
#include "domain/agreements/agreement_views.h"
#include "domain/agreements/diff_render.h"
#include "domain/agreements/markdown_import.h"
#include "server/app/agreement_access.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace ag = agreements;

http::Response Text(const http::Request& req, std::string body, std::string type) {
  http::Response res{status::ok, req.version()};
  res.set(boost::beast::http::field::content_type, type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  auto page = ctx.models.Read(
      [&](const Views& v) { return v.agreements.List(m.Query("after").value_or(""), *limit + 1); });
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json next = nullptr;
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (i == *limit) {
      next = page[i - 1]->info().id;
      break;
    }
    items.push_back(ag::AgreementSummaryJson(*page[i]));
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto at = ag::ParseAtSelector(m.Query("at").value_or(""));
  if (!at.ok()) return respond(http::MakeProblem(at.status(), req));
  auto text = AgreementTextAt(ctx, m.Param("id"), *at);
  if (!text.ok()) return respond(http::MakeProblem(text.status(), req));
  const ag::TextSnapshot& snap = text->snapshot;
  const auto& state = text->agreement;
  const std::string format = m.Query("format").value_or("json");
  http::Response res;
  if (format == "md" || format == "markdown") {
    res = Text(req, ag::RenderMarkdown(*snap.text), "text/markdown; charset=utf-8");
  } else if (format == "json") {
    nlohmann::json at_json = m.Query("at") ? nlohmann::json(at->ToString()) : nlohmann::json();
    res = http::MakeJson(
        status::ok,
        ag::AgreementJson(*state, *snap.text, snap.version ? &*snap.version : nullptr, at_json),
        req);
  } else {
    return respond(
        http::MakeProblem(InvalidArgument("format must be json or md", "invalid-query"), req));
  }
  res.set(boost::beast::http::field::etag, ETagFor(state->version()));
  respond(std::move(res));
}

void Versions(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
              http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto state = LoadAgreement(ctx, m.Param("id"));
  if (!state.ok()) return respond(http::MakeProblem(state.status(), req));
  auto res =
      http::MakeJson(status::ok, {{"items", ag::VersionsToJson(**state)}, {"next", nullptr}}, req);
  res.set(boost::beast::http::field::etag, ETagFor((*state)->version()));
  respond(std::move(res));
}

void Version(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
             http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto state = LoadAgreement(ctx, m.Param("id"));
  if (!state.ok()) return respond(http::MakeProblem(state.status(), req));
  const std::string& ref = m.Param("ref");
  auto at = ag::ParseAtSelector(ref);
  const ag::VersionInfo* v = nullptr;
  if (at.ok() && at->kind == ag::AtSelector::Kind::kVersion) v = (*state)->FindVersion(at->version);
  if (!v) v = (*state)->FindVersionByLabel(ref);
  if (!v) {
    return respond(http::MakeProblem(
        NotFound("version '" + ref + "' does not exist", "version-not-found"), req));
  }
  nlohmann::json out = ag::VersionRefJson(*v);
  auto text = ctx.version_texts.Get((*state)->info().id, *v);
  if (!text.ok()) return respond(http::MakeProblem(text.status(), req));
  out["sections"] = ag::AgreementJson(**state, **text, v)["sections"];
  respond(http::MakeJson(status::ok, out, req));
}

// ?from= and ?to= (both required).
Result<std::pair<ag::AtSelector, ag::AtSelector>> FromTo(const http::RouteMatch& m) {
  auto from_raw = m.Query("from"), to_raw = m.Query("to");
  if (!from_raw || !to_raw) {
    return InvalidArgument("from and to are required, e.g. ?from=1&to=2", "invalid-query");
  }
  auto from = ag::ParseAtSelector(*from_raw);
  if (!from.ok()) return from.status();
  auto to = ag::ParseAtSelector(*to_raw);
  if (!to.ok()) return to.status();
  return std::make_pair(*from, *to);
}

void Diff(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto sides = FromTo(m);
  if (!sides.ok()) return respond(http::MakeProblem(sides.status(), req));
  const std::string format = m.Query("format").value_or("json");
  if (format != "json" && format != "text" && format != "html") {
    return respond(http::MakeProblem(
        InvalidArgument("format must be json, text or html", "invalid-query"), req));
  }
  auto found = DiffOfAgreement(ctx, m.Param("id"), sides->first, sides->second);
  if (!found.ok()) return respond(http::MakeProblem(found.status(), req));
  const std::string& title = found->title;
  const ag::DiffAnswer* diff = &found->answer;
  if (format == "text") {
    ag::TextRenderOptions o;
    o.title = title;
    o.color = m.Query("color").value_or("0") == "1";
    return respond(Text(req, ag::RenderDiffText(diff->diff, o), "text/plain; charset=utf-8"));
  }
  if (format == "html") {
    ag::HtmlRenderOptions o;
    o.title = title;
    o.standalone = true;
    return respond(Text(req, ag::RenderDiffHtml(diff->diff, o), "text/html; charset=utf-8"));
  }
  ag::DiffJsonOptions o;
  o.include_unchanged = m.Query("unchanged").value_or("1") != "0";
  respond(
      http::MakeJson(status::ok, ag::DiffToJson(diff->diff, diff->from_ref, diff->to_ref, o), req));
}

void Changes(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
             http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto sides = FromTo(m);
  if (!sides.ok()) return respond(http::MakeProblem(sides.status(), req));
  auto changes = ChangesOfAgreement(ctx, m.Param("id"), sides->first, sides->second);
  if (!changes.ok()) return respond(http::MakeProblem(changes.status(), req));
  respond(http::MakeJson(status::ok, *changes, req));
}

}  // namespace

void AddAgreementReadRoutes(http::Router& router, AppContext& ctx) {
  auto add = [&](const char* pattern, void (*fn)(AppContext&, http::Request&&,
                                                 const http::RouteMatch&, http::Responder)) {
    router.Add(
        verb::get, pattern,
        [&ctx, fn](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                   http::Responder respond) { fn(ctx, std::move(req), m, std::move(respond)); });
  };
  add("/v1/agreements", List);
  add("/v1/agreements/{id}", Show);
  add("/v1/agreements/{id}/versions", Versions);
  add("/v1/agreements/{id}/versions/{ref}", Version);
  add("/v1/agreements/{id}/diff", Diff);
  add("/v1/agreements/{id}/changes", Changes);
}

}  // namespace hoering::app
