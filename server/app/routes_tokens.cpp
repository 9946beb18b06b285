// POST /v1/admin/tokens, GET /v1/admin/tokens, DELETE /v1/admin/tokens/{id}.
// Admin only. The secret is returned once, at issue; the log keeps its hash.
// An Idempotency-Key replay of an issue cannot show the secret again (it is
// not stored): it answers the first token's fields without `token`, with
// "replayed": true (docs/api.md).
#include "domain/time.h"
#include "server/app/auth.h"
#include "server/app/command_http.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/app/token_secret.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

nlohmann::json TokenJson(const access::TokenInfo& t) {
  nlohmann::json j = {
      {"id", t.id},
      {"role", access::RoleName(t.role)},
      {"party", t.party.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.party)},
      {"label", t.label},
      {"issued_at", FormatRfc3339(t.issued_at_ms)},
      {"revoked", t.revoked}};
  if (t.revoked) j["revoked_at"] = FormatRfc3339(t.revoked_at_ms);
  return j;
}

Status RequireAdmin(AppContext& ctx, const http::Request& req, access::Principal& who) {
  auto p = Authenticate(req, ctx.models);
  if (!p.ok()) return p.status();
  who = *p;
  return RequireRole(who, {Role::kAdmin});
}

void Issue(AppContext& ctx, http::Request&& req, http::Responder respond) {
  access::Principal who;
  if (Status s = RequireAdmin(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto role = http::RequireString(*body, "role");
  auto label = http::RequireString(*body, "label");
  auto party = http::OptionalString(*body, "party");
  if (!role.ok()) return respond(http::MakeProblem(role.status(), req));
  if (!label.ok()) return respond(http::MakeProblem(label.status(), req));
  if (!party.ok()) return respond(http::MakeProblem(party.status(), req));

  access::IssueTokenCommand cmd{NewTokenId(), "", *role, party->value_or(""), *label};
  const std::string secret = NewTokenSecret();
  cmd.token_sha256 = TokenHash(secret);
  Decide decide = [&ctx, cmd]() -> Result<Command> {
    const bool party_exists =
        ctx.models.Read([&](const Views& v) { return v.parties.Find(cmd.party) != nullptr; });
    auto event = access::DecideIssue(cmd, party_exists);
    if (!event.ok()) return event.status();
    return CommandFor(access::kStream, ExpectedVersion::Any(), {*event});
  };
  WriteAnswer answer = [cmd, secret](const AppendResult& r, const http::Request& original,
                                     const std::vector<NewEvent>& events) {
    if (r.duplicate) {
      // A replay: the secret was shown once, to the first request.
      const nlohmann::json& data = events.front().data;
      return http::MakeJson(status::created,
                            {{"id", data.value("id", "")},
                             {"role", data.value("role", "")},
                             {"party", data.contains("party") ? data["party"] : nlohmann::json()},
                             {"label", data.value("label", "")},
                             {"position", r.last_position},
                             {"replayed", true}},
                            original);
    }
    return http::MakeJson(
        status::created,
        {{"id", cmd.id},
         {"token", secret},
         {"role", cmd.role},
         {"party", cmd.party.empty() ? nlohmann::json(nullptr) : nlohmann::json(cmd.party)},
         {"label", cmd.label},
         {"position", r.last_position}},
        original);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), std::move(answer), std::move(respond));
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  access::Principal who;
  if (Status s = RequireAdmin(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  const std::string after = m.Query("after").value_or("");
  auto tokens = ctx.models.Read([](const Views& v) { return v.access.All(); });  // by id
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json next = nullptr;
  for (const auto& t : tokens) {
    if (t.id <= after) continue;
    if (items.size() == *limit) {
      next = items.back()["id"];
      break;
    }
    items.push_back(TokenJson(t));
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req));
}

void Revoke(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  access::Principal who;
  if (Status s = RequireAdmin(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  const std::string id = m.Param("id");
  Decide decide = [&ctx, id]() -> Result<Command> {
    std::uint64_t version = 0;
    auto event = ctx.models.Read([&](const Views& v) {
      version = v.access.version();
      return access::DecideRevoke(v.access, id);
    });
    if (!event.ok()) return event.status();
    Command cmd = CommandFor(access::kStream, ExpectedVersion::Exact(version), {*event});
    cmd.on_conflict = Conflict("the token list changed meanwhile; retry", "version-conflict");
    return cmd;
  };
  WriteAnswer answer = [id](const AppendResult& r, const http::Request& original,
                            const std::vector<NewEvent>&) {
    return http::MakeJson(status::ok,
                          {{"id", id}, {"revoked", true}, {"position", r.last_position}}, original);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), std::move(answer), std::move(respond));
}

}  // namespace

void AddTokenRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::post, "/v1/admin/tokens",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) { Issue(ctx, std::move(req), std::move(respond)); });
  router.Add(verb::get, "/v1/admin/tokens",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::delete_, "/v1/admin/tokens/{id}",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Revoke(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
