// POST /v1/parties, GET /v1/parties, GET /v1/parties/{id}.
#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "domain/time.h"
#include "server/app/page.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

nlohmann::json PartyJson(const parties::Party& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"kind", p.kind},
          {"registered_at", FormatRfc3339(p.registered_at_ms)},
          {"position", p.position}};
}

struct Registration {
  std::string id, name, kind;
};

Result<Registration> ParseRegistration(const nlohmann::json& body) {
  auto id = http::RequireString(body, "id");
  if (!id.ok()) return id.status();
  auto name = http::RequireString(body, "name");
  if (!name.ok()) return name.status();
  auto kind = http::RequireString(body, "kind");
  if (!kind.ok()) return kind.status();
  return Registration{*id, *name, *kind};
}

Result<Reply> Register(const Call& call) {
  auto reg = http::ParseJsonBodyWith(call.req, ParseRegistration);
  if (!reg.ok()) return reg.status();
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
  Decide decide = [&ctx = call.ctx, reg = *reg]() -> Result<Command> {
    Status exists = AlreadyExists("party '" + reg.id + "' is already registered", "party-exists");
    if (PartyExists(ctx.views)(reg.id)) return exists;
    auto event = parties::DecideRegister(reg.id, reg.name, reg.kind);
    if (!event.ok()) return event.status();
    Command cmd = CommandFor(parties::StreamFor(reg.id), ExpectedVersion::NoStream(), {*event});
    cmd.on_conflict = exists;
    return cmd;
  };
  return Write{std::move(decide), std::move(answer)};
}

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  auto found = call.ctx.views.Read(
      [&](const Views& v) { return v.parties.List(page->after, page->limit + 1); });
  return call.Json(status::ok,
                   PageOf(
                       found, page->limit, [](const parties::Party& p) { return p.id; }, PartyJson)
                       .ToJson());
}

Result<Reply> Show(const Call& call) {
  const std::string& id = call.Param("id");
  auto party = call.ctx.views.Read([&](const Views& v) -> std::optional<parties::Party> {
    const auto* p = v.parties.Find(id);
    return p ? std::optional(*p) : std::nullopt;
  });
  if (!party) return NotFound("party '" + id + "' is not registered", "party-not-found");
  return WithETag(call.Json(status::ok, PartyJson(*party)), 1);
}

}  // namespace

void AddPartyRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/parties", Editors(), Register);
  routes.Add(verb::get, "/v1/parties", Anyone(), List);
  routes.Add(verb::get, "/v1/parties/{id}", Anyone(), Show);
}

}  // namespace hoering::app
