// POST /v1/admin/tokens, GET /v1/admin/tokens, DELETE /v1/admin/tokens/{id}.
// Admin only. The secret is returned once, at issue; the log keeps its hash.
// An Idempotency-Key replay of an issue cannot show the secret again (it is
// not stored): it answers the first token's fields without `token`, with
// "replayed": true (docs/api.md).
#include "domain/time.h"
#include "server/app/page.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/app/token_secret.h"
#include "server/http/json_body.h"

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

// {role, label, party?}; a new id, the secret's hash still empty.
Result<access::IssueTokenCommand> ParseIssue(const nlohmann::json& body) {
  auto role = http::RequireString(body, "role");
  if (!role.ok()) return role.status();
  auto label = http::RequireString(body, "label");
  if (!label.ok()) return label.status();
  auto party = http::OptionalString(body, "party");
  if (!party.ok()) return party.status();
  return access::IssueTokenCommand{NewTokenId(), "", *role, party->value_or(""), *label};
}

Result<Reply> Issue(const Call& call) {
  auto parsed = http::ParseJsonBodyWith(call.req, ParseIssue);
  if (!parsed.ok()) return parsed.status();
  access::IssueTokenCommand cmd = std::move(parsed).value();
  const std::string secret = NewTokenSecret();
  cmd.token_sha256 = TokenHash(secret);
  Decide decide = [&ctx = call.ctx, cmd]() -> Result<Command> {
    auto event = access::DecideIssue(cmd, PartyExists(ctx.views)(cmd.party));
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
  return Write{std::move(decide), std::move(answer)};
}

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  auto tokens = call.ctx.views.Read([](const Views& v) { return v.access.All(); });  // by id
  std::vector<access::TokenInfo> found;
  for (auto& t : tokens) {
    if (t.id > page->after && found.size() <= page->limit) found.push_back(std::move(t));
  }
  return call.Json(status::ok, PageOf(
                                   found, page->limit,
                                   [](const access::TokenInfo& t) { return t.id; }, TokenJson)
                                   .ToJson());
}

Result<Reply> Revoke(const Call& call) {
  Decide decide = [&ctx = call.ctx, id = call.Param("id")]() -> Result<Command> {
    std::uint64_t version = 0;
    auto event = ctx.views.Read([&](const Views& v) {
      version = v.access.version();
      return access::DecideRevoke(v.access, id);
    });
    if (!event.ok()) return event.status();
    Command cmd = CommandFor(access::kStream, ExpectedVersion::Exact(version), {*event});
    cmd.on_conflict = Conflict("the token list changed meanwhile; retry", "version-conflict");
    return cmd;
  };
  WriteAnswer answer = [id = call.Param("id")](const AppendResult& r, const http::Request& original,
                                               const std::vector<NewEvent>&) {
    return http::MakeJson(status::ok,
                          {{"id", id}, {"revoked", true}, {"position", r.last_position}}, original);
  };
  return Write{std::move(decide), std::move(answer)};
}

}  // namespace

void AddTokenRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/admin/tokens", Only({Role::kAdmin}), Issue);
  routes.Add(verb::get, "/v1/admin/tokens", Only({Role::kAdmin}), List);
  routes.Add(verb::delete_, "/v1/admin/tokens/{id}", Only({Role::kAdmin}), Revoke);
}

}  // namespace hoering::app
