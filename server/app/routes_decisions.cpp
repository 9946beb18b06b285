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
#include "server/app/decision_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/response_loader.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace dc = decisions;

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
      return LoadResponse(ctx.log, r).ok();
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
  auto doc = DecisionFor(ctx, m.Param("id"));
  if (!doc.ok()) return respond(http::MakeProblem(doc.status(), req));
  http::Response res = http::MakeJson(status::ok, doc->body, req);
  res.set(boost::beast::http::field::etag, ETagFor(doc->version));
  respond(std::move(res));
}

void List(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
          http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto limit = ParseLimit(m);
  if (!limit.ok()) return respond(http::MakeProblem(limit.status(), req));
  const Page page = DecisionsPage(
      ctx, {m.Query("after").value_or(""), *limit, m.Query("agreement").value_or("")});
  respond(http::MakeJson(status::ok, page.ToJson(), req));
}

void Ratification(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                  http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto ratification = RatificationOf(ctx, m.Param("id"), m.Query("version"));
  if (!ratification.ok()) return respond(http::MakeProblem(ratification.status(), req));
  respond(http::MakeJson(status::ok, *ratification, req));
}

void Obligations(AppContext& ctx, http::Request&& req, const http::RouteMatch& m,
                 http::Responder respond) {
  if (Status s = CheckReader(ctx, req); !s.ok()) return respond(http::MakeProblem(s, req));
  auto obligations = ObligationsOf(ctx, m.Param("id"));
  if (!obligations.ok()) return respond(http::MakeProblem(obligations.status(), req));
  respond(http::MakeJson(status::ok, *obligations, req));
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
