// One shape for every web page, like route.h for the API.
//
//   pages.Add(verb::get, "/consultations/{id}", ShowConsultation);
//
//   Result<PageReply> ShowConsultation(const PageCall& call) {
//     auto doc = app::ConsultationFor(call.ctx, call.Param("id"));   // the API's query
//     if (!doc.ok()) return doc.status();
//     return HtmlPage{"consultation", doc->body["title"], data};
//   }
//
// The binder (Pages::Add) picks the reader's language (language.h), finds
// who is calling (a web session's credential, checked again on every
// request; else anonymous), keeps the CSRF secret (the session's, or for
// readers without one a cookie; every form carries it and every POST is
// checked before the handler runs: 403 and nothing done when it is missing
// or wrong), renders the page into the layout with the catalogue,
// and turns an error value into an error page in the reader's language with
// the status the API would answer. Every answer carries the security headers
// (security_headers.h). No handler may answer 500 for bad input; the queries
// they call are the JSON routes' queries, so no rule is written twice.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "domain/access/access.h"
#include "domain/time.h"
#include "server/app/app_context.h"
#include "server/app/route.h"
#include "server/http/message.h"
#include "server/http/router.h"
#include "server/web/language.h"
#include "server/web/multipart_form.h"
#include "server/web/site.h"
#include "server/web/web_sessions.h"

namespace hoering::web {

namespace bh = boost::beast::http;  // every page file's short name for Beast's HTTP

// A page rendered from template `name` inside the layout.
struct HtmlPage {
  std::string name;   // template, without ".mustache"
  std::string title;  // <title> (the site name is appended)
  nlohmann::json data = nlohmann::json::object();
  boost::beast::http::status status = boost::beast::http::status::ok;
};

// 303 See Other to a path of this site (after a form post), setting
// `cookies` (whole Set-Cookie values, e.g. a new session).
struct Redirect {
  std::string location;
  std::vector<std::string> cookies;
};

struct PageCall;
// Slow work (the report) run on the blocking pool with the same call (valid
// for the duration of `work`); its error value becomes an error page like a
// handler's.
struct BlockingPage {
  std::function<Result<HtmlPage>(const PageCall&)> work;
};

// Work that completes later (a write through the command service): `start`
// gets the call, valid until `done` runs, and must call `done` exactly once,
// from any thread, with a page, a redirect or a raw response.
struct LaterPage;

// An http::StreamReply is a long-lived answer (the audit log's live tail,
// Server-Sent Events): the binder adds the security headers to its head.
using PageReply =
    std::variant<HtmlPage, Redirect, BlockingPage, LaterPage, http::Response, http::StreamReply>;
using PageDone = std::function<void(Result<PageReply>)>;

struct LaterPage {
  std::function<void(const PageCall&, PageDone)> start;
};

// The reader's web session, when signed in (web_sessions.h).
struct SignedIn {
  std::string id;  // the session id (from the cookie)
  WebSession session;
};

struct PageCall {
  app::AppContext& ctx;
  const Site& site;
  const http::Request& req;
  const http::RouteMatch& match;
  const access::Principal& who;
  Language lang;
  // The fields of a POSTed form (application/x-www-form-urlencoded or
  // multipart/form-data); empty for GET.
  const std::vector<std::pair<std::string, std::string>>& form;
  // The files of a POSTed multipart/form-data form; empty otherwise.
  const std::vector<UploadedFile>& files;
  const std::optional<SignedIn>& signed_in;

  const std::string& Param(std::string_view name) const { return match.Param(name); }
  std::optional<std::string> Query(std::string_view name) const { return match.Query(name); }
  std::optional<std::string> Field(std::string_view name) const;
  // A catalogue message in the reader's language.
  std::string T(std::string_view key) const { return site.catalogue.Text(lang, key); }
  // An RFC 3339 time of the API ("2023-08-25T21:59:59Z") as the reader reads
  // it in `zone`; "" for null or a value that does not parse.
  std::string LocalTime(const nlohmann::json& rfc3339, std::string_view zone) const;
  TimeMs Now() const { return ctx.clock(); }
};

using PageHandler = std::function<Result<PageReply>(const PageCall&)>;

class Pages {
 public:
  Pages(http::Router& router, app::AppContext& ctx, const Site& site)
      : router_(router), ctx_(ctx), site_(site) {}

  // GET pages and POST forms. A POST's body must be a form (urlencoded, or
  // multipart with files) with the CSRF field (kCsrfField) equal to the
  // reader's CSRF secret. Without `access` anyone may call the page (the
  // queries it calls show each caller what the API shows them).
  void Add(boost::beast::http::verb method, std::string pattern, PageHandler handler);
  // A page for some roles only, declared at the registration like the API's
  // routes (route.h: Only, Editors; own_party_only is not checked here):
  //   pages.Add(verb::get, "/manage", app::Editors(), ShowManage);
  // Before the handler runs, an anonymous reader of a GET page is sent to
  // /sign-in?next=<this path> (a POST answers 401), and a signed-in reader
  // of another role gets a 403 page ("forbidden") naming who may use it.
  void Add(boost::beast::http::verb method, std::string pattern, app::Access access,
           PageHandler handler);
  // Answers paths no route matches (outside /v1/, which keeps its 404
  // problem) with `handler`, usually a "page not found" page.
  void AddNotFound(PageHandler handler);

 private:
  http::RouteHandler Bind(app::Access access, PageHandler handler);

  http::Router& router_;
  app::AppContext& ctx_;
  const Site& site_;
};

inline constexpr std::string_view kCsrfCookie = "hoering_csrf";
inline constexpr std::string_view kCsrfField = "csrf";

// A Set-Cookie value for this site: Path=/, HttpOnly, SameSite=Lax, and
// Secure when `secure`; Max-Age 0 deletes the cookie, an empty one makes it
// last while the browser runs.
std::string SiteCookie(std::string_view name, std::string_view value, std::string_view max_age,
                       bool secure);
// Cookies are Secure when the site is reached over TLS: its --public-url
// starts with "https://".
bool SecureCookies(const app::AppContext& ctx);

// Percent-encodes a path segment or query value (RFC 3986 unreserved kept).
std::string UrlEncode(std::string_view s);

}  // namespace hoering::web
