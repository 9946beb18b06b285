#include "server/web/sign_in.h"

#include "server/app/auth.h"
#include "server/app/invitation_queries.h"
#include "server/app/token_secret.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using boost::beast::http::verb;

// The session a code or token opens, and where to go after signing in.
struct Opened {
  WebSession session;
  std::string next;
};

// An invitation code ("inv_...") opens a session for its party and goes to
// its consultation; anything else is tried as an API token.
Result<Opened> Exchange(const PageCall& call, const std::string& secret) {
  const TimeMs now = call.Now();
  WebSession session;
  session.csrf = app::RandomHex(32);
  session.created_at = session.last_seen = now;
  const Status refused(Code::kUnauthenticated, "the code or token is unknown, revoked or expired",
                       "sign-in-failed");
  if (secret.starts_with("inv_")) {
    auto grant = app::RedeemInvitation(call.ctx, secret);
    if (!grant.ok()) return refused;
    session.kind = WebSession::Kind::kInvitation;
    session.credential = grant->id;
    return Opened{std::move(session), "/consultations/" + grant->consultation};
  }
  session.kind = WebSession::Kind::kToken;
  session.credential = app::TokenHash(secret);
  if (!app::PrincipalForTokenHash(call.ctx.views, session.credential).ok()) return refused;
  return Opened{std::move(session), "/"};
}

// Where to go after signing in when a page sent the reader here
// (?next= / the form's field): a path of this site only ("/..." but not
// "//host" or "/\\host", no control characters), so the link cannot send
// a reader elsewhere; "" otherwise.
std::string SafeNext(std::string_view next) {
  if (next.size() < 1 || next.size() > 2048 || next[0] != '/') return "";
  if (next.size() > 1 && (next[1] == '/' || next[1] == '\\')) return "";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') return "";
  }
  return std::string(next);
}

HtmlPage Form(const PageCall& call, const std::string& error = "", const std::string& next = "") {
  nlohmann::json data = nlohmann::json::object();
  if (!next.empty()) data["next"] = next;
  if (!error.empty()) {
    data["token_error"] = error;
    data["has_errors"] = true;
    data["errors"] = {{{"field", "token"}, {"message", error}}};
  }
  return HtmlPage{
      "sign_in", call.T("sign_in.title"), std::move(data),
      error.empty() ? boost::beast::http::status::ok : boost::beast::http::status::unauthorized};
}

Result<PageReply> SignIn(const PageCall& call, const std::string& secret, const std::string& next) {
  auto opened = Exchange(call, secret);
  if (!opened.ok()) return Form(call, call.T("sign_in.error_invalid"), next);
  if (!next.empty()) opened->next = next;
  // A session open in this browser is replaced.
  if (call.signed_in) {
    if (Status s = WebSessions(call.ctx.local).Close(call.signed_in->id); !s.ok()) return s;
  }
  WebSessions sessions(call.ctx.local);
  // Expired sessions are removed here, at each sign-in (and at start).
  if (auto swept = sessions.Sweep(call.Now()); !swept.ok()) return swept.status();
  auto id = sessions.Open(opened->session);
  if (!id.ok()) return id.status();
  // No Max-Age: the cookie lasts while the browser runs; the server ends the
  // session after an hour without a request (its expiry slides, a cookie's
  // would not).
  return Redirect{opened->next, {SiteCookie(kSessionCookie, *id, "", SecureCookies(call.ctx))}};
}

Result<PageReply> ShowSignIn(const PageCall& call) {
  const std::string next = SafeNext(call.Query("next").value_or(""));
  auto token = call.Query("token");
  if (!token || token->empty()) return Form(call, "", next);
  // A link must not switch a signed-in reader to another party unasked
  // (login CSRF): sign out first, or paste the code into the form (a POST
  // with the CSRF field).
  if (call.signed_in) {
    HtmlPage page = Form(call, "", next);
    page.data["already_signed_in"] = true;
    return page;
  }
  return SignIn(call, *token, next);
}

Result<PageReply> PostSignIn(const PageCall& call) {
  const std::string token = call.Field("token").value_or("");
  const std::string next = SafeNext(call.Field("next").value_or(""));
  if (token.empty()) return Form(call, call.T("sign_in.error_empty"), next);
  return SignIn(call, token, next);
}

Result<PageReply> SignOut(const PageCall& call) {
  if (call.signed_in) {
    if (Status s = WebSessions(call.ctx.local).Close(call.signed_in->id); !s.ok()) return s;
  }
  return Redirect{"/", {SiteCookie(kSessionCookie, "", "0", SecureCookies(call.ctx))}};
}

}  // namespace

Result<access::Principal> InvitationPrincipal(app::AppContext& ctx,
                                              const std::string& invitation_id) {
  auto grant = app::ActiveInvitation(ctx, invitation_id);
  if (!grant.ok()) return grant.status();
  return access::Principal{access::Role::kStakeholder, grant->id, grant->party};
}

void AddSignInPages(Pages& pages) {
  pages.Add(verb::get, "/sign-in", ShowSignIn);
  pages.Add(verb::post, "/sign-in", PostSignIn);
  pages.Add(verb::post, "/sign-out", SignOut);
}

}  // namespace hoering::web
