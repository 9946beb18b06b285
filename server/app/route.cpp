#include "server/app/route.h"

#include "server/app/auth.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using Role = access::Role;

// The caller as the route's access allows it, or the refusal.
Result<access::Principal> Admit(const Access& access, const http::Request& req,
                                const ReadViews& views) {
  if (access.kind == Access::Kind::kNoToken) return access::Principal{};
  auto who = Authenticate(req, views);
  if (!who.ok() || access.kind == Access::Kind::kAnyone) return who;
  std::vector<Role> roles = access.roles;
  if (access.own_party_only) roles.push_back(Role::kStakeholder);
  if (Status s = RequireRole(*who, roles); !s.ok()) return s;
  return who;
}

// Sends a handler's reply; every error value becomes problem+json here.
void Answer(AppContext& ctx, Reply reply, std::shared_ptr<const http::Request> req,
            const access::Principal& who, http::Responder respond) {
  if (auto* res = std::get_if<http::Response>(&reply)) return respond(std::move(*res));
  if (auto* stream = std::get_if<http::StreamReply>(&reply)) {
    return respond.stream(std::move(*stream));
  }
  if (auto* write = std::get_if<Write>(&reply)) {
    return ExecuteCommand(ctx, std::move(req), who, std::move(write->decide),
                          std::move(write->answer), std::move(respond));
  }
  if (auto* later = std::get_if<Later>(&reply)) {
    return later->start(std::move(req), std::move(respond));
  }
  ctx.run_blocking([work = std::move(std::get<Blocking>(reply).work), req = std::move(req),
                    respond = std::move(respond)] {
    auto res = work(*req);
    respond(res.ok() ? std::move(res).value() : http::MakeProblem(res.status(), *req));
  });
}

}  // namespace

Access NoToken() {
  return {Access::Kind::kNoToken, {}, false};
}
Access Anyone() {
  return {Access::Kind::kAnyone, {}, false};
}
Access Only(std::initializer_list<access::Role> roles) {
  return {Access::Kind::kRoles, roles, false};
}
Access OwnPartyOr(std::initializer_list<access::Role> roles) {
  return {Access::Kind::kRoles, roles, true};
}
Access Editors() {
  return Only({Role::kAdmin, Role::kSecretariat});
}

http::Response Call::Json(boost::beast::http::status code, const nlohmann::json& body) const {
  return http::MakeJson(code, body, req);
}

void Routes::Add(boost::beast::http::verb method, std::string pattern, Access access,
                 RouteHandler handler) {
  router_.Add(method, std::move(pattern),
              [&ctx = ctx_, access = std::move(access), handler = std::move(handler)](
                  http::Request&& request, const http::RouteMatch& match, const http::RequestInfo&,
                  http::Responder respond) {
                auto req = std::make_shared<const http::Request>(std::move(request));
                auto who = Admit(access, *req, ctx.views);
                if (!who.ok()) return respond(http::MakeProblem(who.status(), *req));
                Result<Reply> reply = handler(Call{ctx, *req, match, *who});
                if (!reply.ok()) return respond(http::MakeProblem(reply.status(), *req));
                Answer(ctx, std::move(reply).value(), std::move(req), *who, std::move(respond));
              });
}

}  // namespace hoering::app
