// Reads of agreements (public): GET /v1/agreements, /v1/agreements/{id}
// (?at=, ?format=md), .../versions, .../versions/{n|label}, .../diff,
// .../changes. Texts, diffs and change logs come from agreement_text_queries.h.
#include "domain/agreements/agreement_views.h"
#include "domain/agreements/body_condition.h"
#include "domain/agreements/diff_render.h"
#include "domain/agreements/markdown_import.h"
#include "server/app/agreement_access.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/page.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace ag = agreements;

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  return call.Json(status::ok, AgreementsPage(call.ctx, *page).ToJson());
}

Result<Reply> Show(const Call& call) {
  auto at = ag::ParseAtSelector(call.Query("at").value_or(""));
  if (!at.ok()) return at.status();
  auto text = AgreementTextAt(call.ctx, call.Param("id"), *at);
  if (!text.ok()) return text.status();
  const ag::TextSnapshot& snap = text->snapshot;
  const auto& state = text->agreement;
  const std::string format = call.Query("format").value_or("json");
  if (format == "md" || format == "markdown") {
    return WithETag(http::MakeBody(status::ok, ag::RenderMarkdown(*snap.text),
                                   "text/markdown; charset=utf-8", call.req),
                    state->version());
  }
  if (format != "json") return InvalidArgument("format must be json or md", "invalid-query");
  nlohmann::json at_json = call.Query("at") ? nlohmann::json(at->ToString()) : nlohmann::json();
  nlohmann::json doc =
      ag::AgreementJson(*state, *snap.text, snap.version ? &*snap.version : nullptr, at_json);
  ag::AddBodySha256(doc["sections"]);  // for if_body_sha256 (body_condition.h)
  return WithETag(call.Json(status::ok, doc), state->version());
}

Result<Reply> Versions(const Call& call) {
  auto state = LoadAgreement(call.ctx, call.Param("id"));
  if (!state.ok()) return state.status();
  return WithETag(call.Json(status::ok, Page{ag::VersionsToJson(**state), {}}.ToJson()),
                  (*state)->version());
}

Result<Reply> Version(const Call& call) {
  auto state = LoadAgreement(call.ctx, call.Param("id"));
  if (!state.ok()) return state.status();
  const std::string& ref = call.Param("ref");
  auto at = ag::ParseAtSelector(ref);
  const ag::VersionInfo* v = nullptr;
  if (at.ok() && at->kind == ag::AtSelector::Kind::kVersion) v = (*state)->FindVersion(at->version);
  if (!v) v = (*state)->FindVersionByLabel(ref);
  if (!v) return NotFound("version '" + ref + "' does not exist", "version-not-found");
  nlohmann::json out = ag::VersionRefJson(*v);
  auto text = call.ctx.version_texts.Get((*state)->info().id, *v);
  if (!text.ok()) return text.status();
  out["sections"] = ag::AgreementJson(**state, **text, v)["sections"];
  return call.Json(status::ok, out);
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

Result<Reply> Diff(const Call& call) {
  auto sides = FromTo(call.match);
  if (!sides.ok()) return sides.status();
  const std::string format = call.Query("format").value_or("json");
  if (format != "json" && format != "text" && format != "html") {
    return InvalidArgument("format must be json, text or html", "invalid-query");
  }
  const bool color = call.Query("color").value_or("0") == "1";
  const bool unchanged = call.Query("unchanged").value_or("1") != "0";
  auto found = DiffEndsOf(call.ctx, call.Param("id"), sides->first, sides->second);
  if (!found.ok()) return found.status();
  const std::string& title = found->title;
  const ag::DiffEnds& ends = found->ends;
  const std::string_view content_type = format == "text"   ? "text/plain; charset=utf-8"
                                        : format == "html" ? "text/html; charset=utf-8"
                                                           : "application/json";
  // Everything the body depends on (diff_bodies.h).
  const std::string key = format + (color ? " color" : "") + (unchanged ? "" : " changed") + "\n" +
                          title + "\n" + ends.from_ref.dump() + "\n" + ends.to_ref.dump();
  if (auto kept = call.ctx.diff_bodies.Find(key)) {
    return http::MakeBody(status::ok, *kept, content_type, call.req);
  }
  const ag::TextDiff diff = ag::DiffTexts(*ends.from.text, *ends.to.text);
  std::string body;
  if (format == "text") {
    ag::TextRenderOptions o;
    o.title = title;
    o.color = color;
    body = ag::RenderDiffText(diff, o);
  } else if (format == "html") {
    ag::HtmlRenderOptions o;
    o.title = title;
    o.standalone = true;
    body = ag::RenderDiffHtml(diff, o);
  } else {
    ag::DiffJsonOptions o;
    o.include_unchanged = unchanged;
    body = http::DumpJson(ag::DiffToJson(diff, ends.from_ref, ends.to_ref, o));
  }
  call.ctx.diff_bodies.Keep(key, std::make_shared<const std::string>(body));
  return http::MakeBody(status::ok, std::move(body), content_type, call.req);
}

Result<Reply> Changes(const Call& call) {
  auto sides = FromTo(call.match);
  if (!sides.ok()) return sides.status();
  auto changes = ChangesOfAgreement(call.ctx, call.Param("id"), sides->first, sides->second);
  if (!changes.ok()) return changes.status();
  return call.Json(status::ok, *changes);
}

}  // namespace

void AddAgreementReadRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/agreements", Anyone(), List);
  routes.Add(verb::get, "/v1/agreements/{id}", Anyone(), Show);
  routes.Add(verb::get, "/v1/agreements/{id}/versions", Anyone(), Versions);
  routes.Add(verb::get, "/v1/agreements/{id}/versions/{ref}", Anyone(), Version);
  routes.Add(verb::get, "/v1/agreements/{id}/diff", Anyone(), Diff);
  routes.Add(verb::get, "/v1/agreements/{id}/changes", Anyone(), Changes);
}

}  // namespace hoering::app
