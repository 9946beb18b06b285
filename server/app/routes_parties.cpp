// POST /v1/parties, GET /v1/parties, GET /v1/parties/{id}.
#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "domain/time.h"
#include "server/app/auth.h"
#include "server/app/command_http.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using access::Role;
using boost::beast::http::status;
using boost::beast::http::verb;

nlohmann::json PartyJson(const parties::Party& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", p.kind},
          {"registered_at", FormatRfc3339(p.registered_at_ms)},
          {"position", p.position}};
}

void Register(AppContext& ctx, http::Request&& req, http::Responder respond) {
  auto who = Authenticate(req, ctx.models);
  if (!who.ok()) return respond(http::MakeProblem(who.status(), req));
  if (Status s = RequireRole(*who, {Role::kAdmin, Role::kSecretariat}); !s.ok()) {
    return respond(http::MakeProblem(s, req));
  }
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto id = http::RequireString(*body, "id");
  auto name = http::RequireString(*body, "name");
  auto kind = http::RequireString(*body, "kind");
  for (const Status* s : {id.ok() ? nullptr : &id.status(), name.ok() ? nullptr : &name.status(),
                          kind.ok() ? nullptr : &kind.status()}) {
    if (s) return respond(http::MakeProblem(*s, req));
  }
  WriteAnswer answer = [](const AppendResult& r, const http::Request& original,
                          const std::vector<NewEvent>& events) {
    const nlohmann::json& d = events.front().data;
    return http::MakeJson(status::created,
                          {{"id", d["id"]},
                           {"name", d["name"]},
                           {"kind", d["kind"]},
                           {"position", r.last_position},
                           {"hash", ToHex(r.last_hash)}},
                          original);
  };
  Decide decide = [&ctx, id = *id, name = *name, kind = *kind]() -> Result<Command> {
    Status exists = AlreadyExists("party '" + id + "' is already registered", "party-exists");
    if (ctx.models.Read([&](const Views& v) { return v.parties.Find(id) != nullptr; })) {
      return exists;
    }
    auto event = parties::DecideRegister(id, name, kind);
    if (!event.ok()) return event.status();
    Command cmd = CommandFor(parties::StreamFor(id), ExpectedVersion::NoStream(), {*event});
    cmd.on_conflict = exists;
    return cmd;
  };
  ExecuteCommand(ctx, req, *who, std::move(decide), std::move(answer), std::move(respond));
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  // Public, but a token that is sent must be valid (never silently anonymous).
  if (auto who = Authenticate(req, ctx.models); !who.ok()) {
    return respond(http::MakeProblem(who.status(), req));
  }
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  const std::string after = m.Query("after").value_or("");
  auto page = ctx.models.Read([&](const Views& v) { return v.parties.List(after, *limit + 1); });
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json next = nullptr;
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (i == *limit) {
      next = page[i - 1].id;
      break;
    }
    items.push_back(PartyJson(page[i]));
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (auto who = Authenticate(req, ctx.models); !who.ok()) {
    return respond(http::MakeProblem(who.status(), req));
  }
  const std::string& id = m.Param("id");
  auto party = ctx.models.Read([&](const Views& v) -> std::optional<parties::Party> {
    const auto* p = v.parties.Find(id);
    return p ? std::optional(*p) : std::nullopt;
  });
  if (!party) {
    return respond(http::MakeProblem(
        NotFound("party '" + id + "' is not registered", "party-not-found"), req));
  }
  auto res = http::MakeJson(status::ok, PartyJson(*party), req);
  res.set(boost::beast::http::field::etag, ETagFor(1));
  respond(std::move(res));
}

}  // namespace

void AddPartyRoutes(http::Router& router, AppContext& ctx) {
  router.Add(
      verb::post, "/v1/parties",
      [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
             http::Responder respond) { Register(ctx, std::move(req), std::move(respond)); });
  router.Add(verb::get, "/v1/parties",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/parties/{id}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
}

}  // namespace hoering::app
