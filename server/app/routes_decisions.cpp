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
#include "server/app/decision_commands.h"
#include "server/app/decision_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/json_body.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;
namespace dc = decisions;

Result<Reply> Record(const Call& call) {
  auto cmd = http::ParseJsonBodyWith(call.req, dc::ParseRecordDecision);
  if (!cmd.ok()) return cmd.status();
  return Write{DecideRecordDecision(call.ctx, std::move(cmd).value()),
               EventDataAnswer(status::created)};
}

Result<std::uint32_t> Number(const std::string& text, const char* what) {
  const std::optional<std::uint32_t> n = ParseDecimal<std::uint32_t>(text);
  if (!n || *n == 0) {
    return InvalidArgument(std::string(what) + " are numbered from 1", "invalid-query");
  }
  return *n;
}

Result<Reply> Fulfil(const Call& call) {
  auto n = Number(call.Param("n"), "conditions");
  if (!n.ok()) return n.status();
  auto evidence = http::ParseJsonBodyWith(call.req, dc::ParseEvidence);
  if (!evidence.ok()) return evidence.status();
  return Write{DecideFulfilCondition(call.ctx, call.Param("id"), *n, *evidence),
               EventDataAnswer(status::ok)};
}

Result<Reply> ObligationDone(const Call& call) {
  auto evidence = http::ParseJsonBodyWith(call.req, dc::ParseEvidence);
  if (!evidence.ok()) return evidence.status();
  return Write{DecideObligationDone(call.ctx, call.Param("id"), call.Param("key"), *evidence),
               EventDataAnswer(status::ok)};
}

Result<Reply> Show(const Call& call) {
  auto doc = DecisionFor(call.ctx, call.Param("id"));
  if (!doc.ok()) return doc.status();
  return WithETag(call.Json(status::ok, doc->body), doc->version);
}

Result<Reply> List(const Call& call) {
  auto page = ParsePage(call.match);
  if (!page.ok()) return page.status();
  return call.Json(status::ok, DecisionsPage(call.ctx, {page->after, page->limit,
                                                        call.Query("agreement").value_or("")})
                                   .ToJson());
}

Result<Reply> Ratification(const Call& call) {
  auto ratification = RatificationOf(call.ctx, call.Param("id"), call.Query("version"));
  if (!ratification.ok()) return ratification.status();
  return call.Json(status::ok, *ratification);
}

Result<Reply> Obligations(const Call& call) {
  auto obligations = ObligationsOf(call.ctx, call.Param("id"));
  if (!obligations.ok()) return obligations.status();
  return call.Json(status::ok, *obligations);
}

}  // namespace

void AddDecisionRoutes(Routes& routes) {
  routes.Add(verb::post, "/v1/decisions", Editors(), Record);
  routes.Add(verb::get, "/v1/decisions", Anyone(), List);
  routes.Add(verb::get, "/v1/decisions/{id}", Anyone(), Show);
  routes.Add(verb::post, "/v1/decisions/{id}/conditions/{n}/fulfil", Editors(), Fulfil);
  routes.Add(verb::get, "/v1/agreements/{id}/ratification", Anyone(), Ratification);
  routes.Add(verb::get, "/v1/agreements/{id}/obligations", Anyone(), Obligations);
  routes.Add(verb::post, "/v1/agreements/{id}/obligations/{key}/done", Editors(), ObligationDone);
}

}  // namespace hoering::app
