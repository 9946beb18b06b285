#include "server/web/layout.h"

#include <spdlog/spdlog.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "server/web/local_time.h"

namespace hoering::web {
namespace {

Language Other(Language lang) {
  return lang == Language::kDanish ? Language::kEnglish : Language::kDanish;
}

http::Response Html(bh::status status, std::string body, const http::Request& req) {
  http::Response res{status, req.version()};
  res.set(bh::field::content_type, "text/html; charset=utf-8");
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace

std::string WithLanguage(const http::Request& req, Language lang) {
  const std::string code(Code(lang));
  auto parsed = boost::urls::parse_origin_form(req.target());
  if (!parsed) return "?lang=" + code;
  boost::urls::url url(*parsed);
  url.params().erase("token");  // a sign-in code never goes into a link
  url.params().set("lang", code);
  // Query only: resolved against the page's own address, so a path such as
  // "//elsewhere.example/" can never make the link leave the site.
  return "?" + std::string(url.encoded_query());
}

http::Response RenderPage(const LayoutContext& layout, const HtmlPage& page) {
  const Site& site = layout.site;
  nlohmann::json data = page.data;
  data["t"] = site.catalogue.All(layout.lang);
  data["lang"] = Code(layout.lang);
  data["csrf"] = layout.csrf;
  auto body = site.templates.Render(page.name, data);
  const Language other = Other(layout.lang);
  nlohmann::json frame = {
      {"t", data["t"]},
      {"lang", Code(layout.lang)},
      {"title", page.title},
      {"body", body.ok() ? *body : std::string()},
      {"css", site.assets.Url("dkfds/css/dkfds.min.css")},
      {"site_css", site.assets.Url("hoering/site.css")},
      {"site_js", site.assets.Url("hoering/site.js")},
      {"switch",
       {{"href", WithLanguage(layout.req, other)},
        {"lang", Code(other)},
        {"label", site.catalogue.Text(other, "language.name")}}},
  };
  if (layout.session) {
    const SessionView& s = *layout.session;
    frame["session"] = {
        {"name", s.is_party ? s.name : site.catalogue.Text(layout.lang, "roles." + s.name)},
        {"expires", FormatLocalDateTime(s.expires_at, kSiteTimeZone, layout.lang)},
        {"expires_ms", std::to_string(s.expires_at)},
        {"csrf", layout.csrf},
        {"is_party", s.is_party},
        // The work areas of part 2 (issue 15) for the roles that may use them
        // (their pages check again: pages.Add with an Access).
        {"can_manage", !s.is_party && (s.name == "admin" || s.name == "secretariat")},
        {"can_audit",
         !s.is_party && (s.name == "admin" || s.name == "secretariat" || s.name == "auditor")}};
  }
  auto html = body.ok() ? site.templates.Render("layout", frame) : body;
  if (!html.ok()) {
    spdlog::error("page template '{}': {}", page.name, html.status().detail());
    return Html(bh::status::internal_server_error,
                "<!doctype html><html lang=\"en\"><title>Error</title><h1>Internal error</h1>",
                layout.req);
  }
  return Html(page.status, std::move(html).value(), layout.req);
}

}  // namespace hoering::web
