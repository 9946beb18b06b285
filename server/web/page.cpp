#include "server/web/page.h"

#include <glib.h>
#include <spdlog/spdlog.h>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_encoded_view.hpp>
#include <boost/url/parse_query.hpp>
#include <memory>

#include "server/app/auth.h"
#include "server/app/read_views.h"
#include "server/app/token_secret.h"
#include "server/http/name_values.h"
#include "server/http/problem.h"
#include "server/web/error_page.h"
#include "server/web/layout.h"
#include "server/web/local_time.h"
#include "server/web/security_headers.h"
#include "server/web/sign_in.h"

namespace hoering::web {
namespace {

using Form = http::NameValues;

bool IsHex64(std::string_view s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// Constant time for equal lengths.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// A POSTed form's fields and files.
struct PostedForm {
  Form fields;
  std::vector<UploadedFile> files;
};

// Bounds of a multipart form (the server's body limit bounds the whole):
// the API's attachment count, and a text field as long as the longest
// the API takes (a point or a summary, 50,000 bytes) with room to spare.
constexpr std::size_t kMaxFormFiles = 20;
constexpr std::size_t kMaxFormFieldBytes = 256 * 1024;

Result<PostedForm> ParseForm(const http::Request& req) {
  const std::string_view type = req[bh::field::content_type];
  if (boost::algorithm::istarts_with(type, "multipart/form-data")) {
    auto parsed = ParseMultipartForm(type, req.body(), kMaxFormFiles, kMaxFormFieldBytes);
    if (!parsed.ok()) return parsed.status();
    return PostedForm{std::move(parsed->fields), std::move(parsed->files)};
  }
  if (!boost::algorithm::istarts_with(type, "application/x-www-form-urlencoded")) {
    return InvalidArgument(
        "a form must be sent as application/x-www-form-urlencoded or multipart/form-data",
        "invalid-form");
  }
  auto query = boost::urls::parse_query(req.body());
  if (!query) return InvalidArgument("the form data is not well-formed", "invalid-form");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  PostedForm out;
  for (auto p : *query) {
    std::string key = p.key.decode(opts);
    std::string value = p.has_value ? p.value.decode(opts) : std::string();
    // Text is UTF-8 (as in a multipart form): anything else is refused here,
    // before it reaches a draft, a command or a page.
    if (!g_utf8_validate_len(key.data(), key.size(), nullptr) ||
        !g_utf8_validate_len(value.data(), value.size(), nullptr)) {
      return InvalidArgument("a form field is not UTF-8 text", "invalid-form");
    }
    out.fields.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

// What the binder knows about a request before the handler runs.
struct Prepared {
  LanguageChoice language;
  std::string csrf;       // the reader's CSRF secret (the session's, a cookie's or new)
  bool new_csrf = false;  // set the CSRF cookie with the answer
  std::optional<SignedIn> signed_in;
  access::Principal who;
  std::optional<SessionView> session_view;
  bool clear_session = false;  // the cookie names a session that ended
  bool secure = false;         // cookies with the Secure flag (SecureCookies)
};

// The caller a session stands for, or 401 when its credential is no longer
// valid (a revoked token or invitation).
Result<access::Principal> SessionPrincipal(app::AppContext& ctx, const WebSession& session) {
  if (session.kind == WebSession::Kind::kToken) {
    return app::PrincipalForTokenHash(ctx.views, session.credential);
  }
  return InvitationPrincipal(ctx, session.credential);
}

Result<Prepared> Prepare(app::AppContext& ctx, const http::Request& req,
                         const http::RouteMatch& match) {
  Prepared p;
  p.secure = SecureCookies(ctx);
  const std::string_view cookies = req[bh::field::cookie];
  auto lang = match.Query("lang");
  p.language = ChooseLanguage(lang ? std::optional<std::string_view>(*lang) : std::nullopt, cookies,
                              req[bh::field::accept_language]);
  if (auto id = CookieValue(cookies, kSessionCookie)) {
    WebSessions sessions(ctx.local);
    auto found = sessions.Find(*id, ctx.clock());
    if (!found.ok()) return found.status();
    if (*found) {
      auto who = SessionPrincipal(ctx, **found);
      if (who.ok()) {
        p.who = *who;
        p.csrf = (*found)->csrf;
        p.signed_in = SignedIn{*id, **found};
        const bool party = who->role == access::Role::kStakeholder;
        p.session_view =
            SessionView{party ? app::PartyName(ctx.views, who->party).value_or(who->party)
                              : access::RoleName(who->role),
                        party, (*found)->expires_at()};
        return p;
      }
      if (Status s = sessions.Close(*id); !s.ok()) return s;
    }
    p.clear_session = true;
  }
  auto csrf = CookieValue(cookies, kCsrfCookie);
  if (csrf && IsHex64(*csrf)) {
    p.csrf = *csrf;
  } else {
    p.csrf = app::RandomHex(32);
    p.new_csrf = true;
  }
  return p;
}

// Adds what every page answer carries.
http::Response Finish(http::Response res, const Prepared& p) {
  AddSecurityHeaders(res);
  if (p.new_csrf)
    res.insert(bh::field::set_cookie, SiteCookie(kCsrfCookie, p.csrf, "86400", p.secure));
  if (p.clear_session)
    res.insert(bh::field::set_cookie, SiteCookie(kSessionCookie, "", "0", p.secure));
  if (p.language.from_query) {
    res.insert(bh::field::set_cookie,
               SiteCookie(kLanguageCookie, Code(p.language.lang), "31536000", p.secure));
  }
  if (res.find(bh::field::cache_control) == res.end())
    res.set(bh::field::cache_control, "no-store");
  return res;
}

LayoutContext LayoutFor(const Site& site, const Prepared& p, const http::Request& req) {
  return LayoutContext{site, p.language.lang, p.csrf, req, p.session_view};
}

// A refusal that changes nothing about the reader: no Set-Cookie.
http::Response Refusal(const LayoutContext& layout, const Status& status) {
  http::Response res = RenderErrorPage(layout, status);
  AddSecurityHeaders(res);
  res.set(bh::field::cache_control, "no-store");
  return res;
}

}  // namespace

std::optional<std::string> PageCall::Field(std::string_view name) const {
  return http::FirstValue(form, name);
}

std::string PageCall::LocalTime(const nlohmann::json& rfc3339, std::string_view zone) const {
  if (!rfc3339.is_string()) return "";
  auto t = ParseRfc3339(rfc3339.get<std::string>());
  return t ? FormatLocalDateTime(*t, zone, lang) : "";
}

void Pages::Add(bh::verb method, std::string pattern, PageHandler handler) {
  router_.Add(method, std::move(pattern), Bind(app::Anyone(), std::move(handler)));
}

void Pages::Add(bh::verb method, std::string pattern, app::Access access, PageHandler handler) {
  router_.Add(method, std::move(pattern), Bind(std::move(access), std::move(handler)));
}

void Pages::AddNotFound(PageHandler handler) {
  router_.SetNotFound("/v1/", nullptr);
  router_.SetNotFound("/", Bind(app::Anyone(), std::move(handler)));
}

namespace {

// What a page call refers to, kept alive while slow or later work runs.
struct CallState {
  CallState(app::AppContext& ctx, const Site& site, std::shared_ptr<const http::Request> request,
            http::RouteMatch route, PostedForm posted, Prepared prep)
      : req(std::move(request)),
        match(std::move(route)),
        form(std::move(posted)),
        prepared(std::move(prep)),
        call{ctx,         site,         *req,
             match,       prepared.who, prepared.language.lang,
             form.fields, form.files,   prepared.signed_in} {}
  std::shared_ptr<const http::Request> req;
  http::RouteMatch match;
  PostedForm form;
  Prepared prepared;
  PageCall call;
};

// Answers with a reply that needs no more work; an error value becomes an
// error page. BlockingPage and LaterPage are not final: a 500 page.
void Deliver(const CallState& state, Result<PageReply> reply, const http::Responder& respond) {
  const LayoutContext layout = LayoutFor(state.call.site, state.prepared, *state.req);
  if (!reply.ok()) {
    return respond(Finish(RenderErrorPage(layout, reply.status()), state.prepared));
  }
  if (auto* page = std::get_if<HtmlPage>(&*reply)) {
    return respond(Finish(RenderPage(layout, *page), state.prepared));
  }
  if (auto* redirect = std::get_if<Redirect>(&*reply)) {
    http::Response res{bh::status::see_other, state.req->version()};
    res.set(bh::field::location, redirect->location);
    for (const auto& cookie : redirect->cookies) res.insert(bh::field::set_cookie, cookie);
    res.keep_alive(state.req->keep_alive());
    res.prepare_payload();
    Prepared after = state.prepared;
    after.new_csrf = after.new_csrf && redirect->cookies.empty();
    after.clear_session = after.clear_session && redirect->cookies.empty();
    return respond(Finish(std::move(res), after));
  }
  if (auto* raw = std::get_if<http::Response>(&*reply)) {
    return respond(Finish(std::move(*raw), state.prepared));
  }
  if (auto* stream = std::get_if<http::StreamReply>(&*reply)) {
    http::StreamReply answer = *stream;
    AddSecurityHeaders(answer.head);
    return respond.stream(std::move(answer));
  }
  spdlog::error("page {} answered later work with more later work", state.match.route);
  respond(Finish(RenderErrorPage(layout, Status(Code::kInternal, "internal error", "internal")),
                 state.prepared));
}

// The CSRF check of a POST (before its handler runs): 403 unless the form's
// field equals the reader's secret.
Status CheckCsrf(const Form& form, const Prepared& prepared) {
  std::optional<std::string> sent;
  for (const auto& [k, v] : form) {
    if (k == kCsrfField) sent = v;
  }
  if (prepared.new_csrf || !sent || !SameSecret(*sent, prepared.csrf)) {
    return Status(Code::kPermissionDenied, "the form's security token is missing or out of date",
                  "csrf-failed");
  }
  return Status::Ok();
}

// The role check of a page declared for some roles (Pages::Add with an
// Access): nullopt when the reader may use it; else the answer.
std::optional<http::Response> Unless(const app::Access& access, const Prepared& prepared,
                                     const LayoutContext& layout, const http::Request& req) {
  if (access.kind != app::Access::Kind::kRoles) return std::nullopt;
  const access::Principal& who = prepared.who;
  if (!who.authenticated()) {
    if (req.method() != bh::verb::get) {
      return Refusal(
          layout, Status(Code::kUnauthenticated, "sign in to use this page", "sign-in-required"));
    }
    http::Response res{bh::status::see_other, req.version()};
    res.set(bh::field::location, "/sign-in?next=" + UrlEncode(std::string(req.target())));
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    return Finish(std::move(res), prepared);
  }
  for (access::Role role : access.roles) {
    if (who.role == role) return std::nullopt;
  }
  std::string roles;
  for (access::Role role : access.roles) {
    roles += (roles.empty() ? "" : ", ") + access::RoleName(role);
  }
  return Refusal(layout, Status(Code::kPermissionDenied,
                                "this page is for these roles: " + roles +
                                    "; you are signed in as " + access::RoleName(who.role),
                                "forbidden"));
}

}  // namespace

http::RouteHandler Pages::Bind(app::Access access, PageHandler handler) {
  return [&ctx = ctx_, &site = site_, access = std::move(access), handler = std::move(handler)](
             http::Request&& request, const http::RouteMatch& match, const http::RequestInfo&,
             http::Responder respond) {
    auto req = std::make_shared<const http::Request>(std::move(request));
    auto prepared = Prepare(ctx, *req, match);
    if (!prepared.ok()) {
      const std::string none;
      return respond(
          Refusal(LayoutContext{site, Language::kDanish, none, *req, {}}, prepared.status()));
    }
    if (auto refused = Unless(access, *prepared, LayoutFor(site, *prepared, *req), *req)) {
      return respond(std::move(*refused));
    }
    PostedForm form;
    if (req->method() == bh::verb::post) {
      const LayoutContext layout = LayoutFor(site, *prepared, *req);
      auto parsed = ParseForm(*req);
      if (!parsed.ok()) return respond(Refusal(layout, parsed.status()));
      if (Status s = CheckCsrf(parsed->fields, *prepared); !s.ok()) {
        return respond(Refusal(layout, s));
      }
      form = std::move(parsed).value();
    }
    auto state = std::make_shared<CallState>(ctx, site, req, match, std::move(form),
                                             std::move(prepared).value());
    Result<PageReply> reply = handler(state->call);
    if (reply.ok() && std::holds_alternative<LaterPage>(*reply)) {
      auto start = std::get<LaterPage>(*reply).start;
      // `done` may run on the store's completion thread: rendering moves to the
      // blocking pool so that no commit waits for a page.
      return start(state->call, [&ctx, state, respond](Result<PageReply> done) {
        ctx.run_blocking([state, respond,
                          done = std::make_shared<Result<PageReply>>(std::move(done))]() mutable {
          Deliver(*state, std::move(*done), respond);
        });
      });
    }
    if (!reply.ok() || !std::holds_alternative<BlockingPage>(*reply)) {
      return Deliver(*state, std::move(reply), respond);
    }
    ctx.run_blocking([work = std::get<BlockingPage>(*reply).work, state, respond] {
      // A throw here would end the process (the pool has no handler): a
      // 500 page instead, logged as the bug it is.
      Result<PageReply> page = Status(Code::kInternal, "unset");
      try {
        auto html = work(state->call);
        if (html.ok()) {
          page = PageReply(std::move(html).value());
        } else {
          page = html.status();
        }
      } catch (const std::exception& e) {
        spdlog::error("page {} threw: {}", state->match.route, e.what());
        page = Status(Code::kInternal, "internal error", "internal");
      }
      Deliver(*state, std::move(page), respond);
    });
  };
}

std::string SiteCookie(std::string_view name, std::string_view value, std::string_view max_age,
                       bool secure) {
  return std::string(name) + "=" + std::string(value) + "; Path=/" +
         (max_age.empty() ? "" : "; Max-Age=" + std::string(max_age)) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

bool SecureCookies(const app::AppContext& ctx) {
  return ctx.public_url.starts_with("https://");
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace hoering::web
