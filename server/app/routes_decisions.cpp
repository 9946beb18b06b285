// Decisions, ratification and follow-up duties:
//   POST /v1/decisions, GET /v1/decisions[/{id}],
//   POST /v1/decisions/{id}/conditions/{n}/fulfil,
//   GET /v1/agreements/{id}/ratification?version=, GET /v1/agreements/{id}/obligations,
//   POST /v1/agreements/{id}/obligations/{key}/done.
// Reads are public (decisions of public bodies); writes need secretariat or admin.
#include "domain/consultations/consultation_decide.h"
#include "domain/decimal.h"
#include "domain/decisions/decision_decide.h"
#include "domain/decisions/ratification.h"
#include "domain/sha256.h"
#include "domain/time.h"
#include "server/app/agreement_access.h"
#include "server/app/command_http.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace dc = decisions;

std::int64_t Today(AppContext& ctx) {
  const std::int64_t ms = ctx.clock();
  return (ms >= 0 ? ms : ms - 86399999) / 86400000;
}

nlohmann::json DecisionView(const dc::DecisionInfo& d) {
  nlohmann::json j = dc::DecisionJson(d.data);
  for (auto& c : j["conditions"]) {
    auto it = d.fulfilled.find(c["n"].get<std::uint32_t>());
    c["fulfilled"] = it != d.fulfilled.end();
    if (it != d.fulfilled.end()) {
      c["evidence"] = it->second.evidence;
      c["fulfilled_at"] = FormatRfc3339(it->second.at_ms);
    }
  }
  j["position"] = d.position;
  j["hash"] = d.hash;
  j["recorded_at"] = FormatRfc3339(d.recorded_at_ms);
  j["stream_version"] = d.version;
  return j;
}

void Record(AppContext& ctx, http::Request&& req, http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto cmd = dc::ParseRecordDecision(*body);
  if (!cmd.ok()) return respond(http::MakeProblem(cmd.status(), req));
  WriteAnswer answer = EventDataAnswer(status::created);
  Decide decide = [&ctx, cmd = *cmd]() -> Result<Command> {
    const std::string& id = cmd.decision.id;
    auto agreement = LoadAgreement(ctx, cmd.decision.subject.agreement);
    dc::Lookups lookups;
    lookups.party_exists = [&ctx](const std::string& p) {
      return ctx.models.Read([&](const Views& v) { return v.parties.Find(p) != nullptr; });
    };
    lookups.consultation_exists = [&ctx](const std::string& c) {
      return ctx.models.Read(
          [&](const Views& v) { return v.consultations.GetConsultation(c).ok(); });
    };
    lookups.response_exists = [&ctx](const std::string& r) {
      return ctx.models.Read([&](const Views& v) { return v.consultations.GetResponse(r).ok(); });
    };
    const bool exists = ctx.models.Read([&](const Views& v) { return v.decisions.Get(id).ok(); });
    auto events =
        dc::DecideRecord(exists, cmd, agreement.ok() ? agreement->get() : nullptr, lookups);
    if (!events.ok()) return events.status();
    Command write = CommandFor(dc::DecisionStream(id), ExpectedVersion::NoStream(), *events);
    write.on_conflict = AlreadyExists("decision '" + id + "' already exists", "decision-exists");
    return write;
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

Result<std::uint32_t> Number(const std::string& text, const char* what) {
  const std::optional<std::uint32_t> n = ParseDecimal<std::uint32_t>(text);
  if (!n || *n == 0) {
    return InvalidArgument(std::string(what) + " are numbered from 1", "invalid-query");
  }
  return *n;
}

void Fulfil(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
            http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto n = Number(m.Param("n"), "conditions");
  if (!n.ok()) return respond(http::MakeProblem(n.status(), req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto evidence = dc::ParseEvidence(*body);
  if (!evidence.ok()) return respond(http::MakeProblem(evidence.status(), req));
  WriteAnswer answer = EventDataAnswer(status::ok);
  Decide decide = [&ctx, id = m.Param("id"), n = *n, evidence = *evidence]() -> Result<Command> {
    auto d = ctx.models.Read([&](const Views& v) { return v.decisions.Get(id); });
    if (!d.ok()) return d.status();
    auto events = dc::DecideFulfil(**d, n, evidence);
    if (!events.ok()) return events.status();
    return CommandFor(dc::DecisionStream(id), ExpectedVersion::Exact((*d)->version), *events);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

void ObligationDone(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                    http::Responder respond) {
  access::Principal who;
  if (Status s = CheckEditor(ctx, req, who); !s.ok()) return respond(http::MakeProblem(s, req));
  auto body = http::ParseJsonBody(req);
  if (!body.ok()) return respond(http::MakeProblem(body.status(), req));
  auto evidence = dc::ParseEvidence(*body);
  if (!evidence.ok()) return respond(http::MakeProblem(evidence.status(), req));
  WriteAnswer answer = EventDataAnswer(status::ok);
  Decide decide = [&ctx, id = m.Param("id"), key = m.Param("key"),
                   evidence = *evidence]() -> Result<Command> {
    auto agreement = LoadAgreement(ctx, id);
    if (!agreement.ok()) return agreement.status();
    std::set<std::string> keys, done;
    for (const auto& o : dc::ObligationsOf((*agreement)->info().term)) {
      if (o.kind == "duty") keys.insert(o.key);
    }
    for (const auto& [k, f] :
         ctx.models.Read([&](const Views& v) { return v.decisions.Obligations(id); })) {
      done.insert(k);
    }
    auto events = dc::DecideObligationDone(id, key, keys, done, evidence);
    if (!events.ok()) return events.status();
    return CommandFor(dc::ObligationStream(id), ExpectedVersion::Exact(done.size()), *events);
  };
  ExecuteCommand(ctx, req, who, std::move(decide), answer, std::move(respond));
}

void Show(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto d = ctx.models.Read([&](const Views& v) { return v.decisions.Get(m.Param("id")); });
  if (!d.ok()) return respond(http::MakeProblem(d.status(), req));
  http::Response res = http::MakeJson(status::ok, DecisionView(**d), req);
  res.set(boost::beast::http::field::etag, ETagFor((*d)->version));
  respond(std::move(res));
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  const std::string agreement = m.Query("agreement").value_or("");
  auto page = ctx.models.Read([&](const Views& v) {
    return agreement.empty() ? v.decisions.List(m.Query("after").value_or(""), *limit + 1)
                             : v.decisions.OnAgreement(agreement);
  });
  nlohmann::json items = nlohmann::json::array();
  nlohmann::json next = nullptr;
  for (std::size_t i = 0; i < page.size(); ++i) {
    if (agreement.empty() && i == *limit) {
      next = page[i - 1]->data.id;
      break;
    }
    items.push_back(DecisionView(*page[i]));
  }
  respond(http::MakeJson(status::ok, {{"items", items}, {"next", next}}, req));
}

void Ratification(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                  http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto agreement = LoadAgreement(ctx, m.Param("id"));
  if (!agreement.ok()) return respond(http::MakeProblem(agreement.status(), req));
  const agreements::VersionInfo* version = nullptr;
  if (auto selector = m.Query("version")) {
    version = consultations::FindPublished(**agreement, *selector);
  } else {
    version = (*agreement)->latest_version();
  }
  if (version == nullptr) {
    return respond(
        http::MakeProblem(NotFound("no such published version", "version-not-found"), req));
  }
  auto decisions =
      ctx.models.Read([&](const Views& v) { return v.decisions.OnAgreement(m.Param("id")); });
  auto kind_of = [&ctx](const std::string& party) -> std::optional<std::string> {
    return ctx.models.Read([&](const Views& v) -> std::optional<std::string> {
      const auto* p = v.parties.Find(party);
      return p ? std::optional<std::string>(p->kind) : std::nullopt;
    });
  };
  respond(http::MakeJson(
      status::ok, dc::Ratification(**agreement, *version, decisions, kind_of, Today(ctx)), req));
}

void Obligations(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                 http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto agreement = LoadAgreement(ctx, m.Param("id"));
  if (!agreement.ok()) return respond(http::MakeProblem(agreement.status(), req));
  auto done =
      ctx.models.Read([&](const Views& v) { return v.decisions.Obligations(m.Param("id")); });
  respond(http::MakeJson(status::ok, dc::ObligationsJson(**agreement, done, Today(ctx)), req));
}

}  // namespace

void AddDecisionRoutes(http::Router& router, AppContext& ctx) {
  router.Add(verb::post, "/v1/decisions",
             [&ctx](http::Request&& req, const http::RouteMatch&, const http::RequestInfo&,
                    http::Responder respond) { Record(ctx, std::move(req), std::move(respond)); });
  router.Add(verb::get, "/v1/decisions",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { List(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/decisions/{id}",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) { Show(ctx, std::move(req), m, std::move(respond)); });
  router.Add(
      verb::post, "/v1/decisions/{id}/conditions/{n}/fulfil",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Fulfil(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::get, "/v1/agreements/{id}/ratification",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) {
               Ratification(ctx, std::move(req), m, std::move(respond));
             });
  router.Add(
      verb::get, "/v1/agreements/{id}/obligations",
      [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
             http::Responder respond) { Obligations(ctx, std::move(req), m, std::move(respond)); });
  router.Add(verb::post, "/v1/agreements/{id}/obligations/{key}/done",
             [&ctx](http::Request&& req, const http::RouteMatch& m, const http::RequestInfo&,
                    http::Responder respond) {
               ObligationDone(ctx, std::move(req), m, std::move(respond));
             });
}

}  // namespace hoering::app
