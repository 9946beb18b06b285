#include "server/web/page.h"

#include <spdlog/spdlog.h>

#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_encoded_view.hpp>
#include <boost/url/parse_query.hpp>
#include <memory>

#include "server/app/auth.h"
#include "server/app/read_views.h"
#include "server/app/token_secret.h"
#include "server/http/problem.h"
#include "server/web/error_page.h"
#include "server/web/layout.h"
#include "server/web/local_time.h"
#include "server/web/security_headers.h"
#include "server/web/sign_in.h"

namespace hoering::web {
namespace {

namespace bh = boost::beast::http;
using Form = std::vector<std::pair<std::string, std::string>>;

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

Result<Form> ParseForm(const http::Request& req) {
  const std::string_view type = req[bh::field::content_type];
  if (!type.starts_with("application/x-www-form-urlencoded")) {
    return InvalidArgument("a form must be sent as application/x-www-form-urlencoded",
                           "invalid-form");
  }
  auto query = boost::urls::parse_query(req.body());
  if (!query) return InvalidArgument("the form data is not well-formed", "invalid-form");
  boost::urls::encoding_opts opts;
  opts.space_as_plus = true;
  Form out;
  for (auto p : *query) {
    out.emplace_back(p.key.decode(opts), p.has_value ? p.value.decode(opts) : std::string());
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
  if (p.new_csrf) res.insert(bh::field::set_cookie, SiteCookie(kCsrfCookie, p.csrf, "86400"));
  if (p.clear_session) res.insert(bh::field::set_cookie, SiteCookie(kSessionCookie, "", "0"));
  if (p.language.from_query) {
    res.insert(bh::field::set_cookie,
               SiteCookie(kLanguageCookie, Code(p.language.lang), "31536000"));
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
  for (const auto& [k, v] : form) {
    if (k == name) return v;
  }
  return std::nullopt;
}

std::string PageCall::LocalTime(const nlohmann::json& rfc3339, std::string_view zone) const {
  if (!rfc3339.is_string()) return "";
  auto t = ParseRfc3339(rfc3339.get<std::string>());
  return t ? FormatLocalDateTime(*t, zone, lang) : "";
}

void Pages::Add(bh::verb method, std::string pattern, PageHandler handler) {
  router_.Add(method, std::move(pattern), Bind(std::move(handler)));
}

void Pages::AddNotFound(PageHandler handler) {
  router_.SetNotFound("/v1/", nullptr);
  router_.SetNotFound("/", Bind(std::move(handler)));
}

http::RouteHandler Pages::Bind(PageHandler handler) {
  return [&ctx = ctx_, &site = site_, handler = std::move(handler)](
             http::Request&& request, const http::RouteMatch& match, const http::RequestInfo&,
             http::Responder respond) {
    auto req = std::make_shared<const http::Request>(std::move(request));
    auto prepared_or = Prepare(ctx, *req, match);
    if (!prepared_or.ok()) {
      const std::string none;
      return respond(
          Refusal(LayoutContext{site, Language::kDanish, none, *req, {}}, prepared_or.status()));
    }
    const Prepared prepared = std::move(prepared_or).value();
    const LayoutContext layout = LayoutFor(site, prepared, *req);
    Form form;
    if (req->method() == bh::verb::post) {
      auto parsed = ParseForm(*req);
      if (!parsed.ok()) return respond(Refusal(layout, parsed.status()));
      form = std::move(parsed).value();
      std::optional<std::string> sent;
      for (const auto& [k, v] : form) {
        if (k == kCsrfField) sent = v;
      }
      if (prepared.new_csrf || !sent || !SameSecret(*sent, prepared.csrf)) {
        return respond(Refusal(
            layout, Status(Code::kPermissionDenied,
                           "the form's security token is missing or out of date", "csrf-failed")));
      }
    }
    const PageCall call{
        ctx, site, *req, match, prepared.who, prepared.language.lang, form, prepared.signed_in};
    Result<PageReply> reply = handler(call);
    if (!reply.ok()) return respond(Finish(RenderErrorPage(layout, reply.status()), prepared));
    if (auto* page = std::get_if<HtmlPage>(&*reply)) {
      return respond(Finish(RenderPage(layout, *page), prepared));
    }
    if (auto* redirect = std::get_if<Redirect>(&*reply)) {
      http::Response res{bh::status::see_other, req->version()};
      res.set(bh::field::location, redirect->location);
      for (const auto& cookie : redirect->cookies) res.insert(bh::field::set_cookie, cookie);
      res.keep_alive(req->keep_alive());
      res.prepare_payload();
      Prepared after = prepared;
      after.new_csrf = after.new_csrf && redirect->cookies.empty();
      after.clear_session = after.clear_session && redirect->cookies.empty();
      return respond(Finish(std::move(res), after));
    }
    if (auto* raw = std::get_if<http::Response>(&*reply)) {
      return respond(Finish(std::move(*raw), prepared));
    }
    ctx.run_blocking([work = std::get<BlockingPage>(*reply).work, &ctx, &site, req, match,
                      form = std::move(form), prepared, respond = std::move(respond)] {
      const LayoutContext later = LayoutFor(site, prepared, *req);
      const PageCall again{
          ctx, site, *req, match, prepared.who, prepared.language.lang, form, prepared.signed_in};
      // A throw here would end the process (the pool has no handler): a
      // 500 page instead, logged as the bug it is.
      Result<HtmlPage> page = Status(Code::kInternal, "unset");
      try {
        page = work(again);
      } catch (const std::exception& e) {
        spdlog::error("page {} threw: {}", match.route, e.what());
        page = Status(Code::kInternal, "internal error", "internal");
      }
      respond(Finish(page.ok() ? RenderPage(later, *page) : RenderErrorPage(later, page.status()),
                     prepared));
    });
  };
}

std::string SiteCookie(std::string_view name, std::string_view value, std::string_view max_age) {
  return std::string(name) + "=" + std::string(value) + "; Path=/" +
         (max_age.empty() ? "" : "; Max-Age=" + std::string(max_age)) + "; HttpOnly; SameSite=Lax";
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
