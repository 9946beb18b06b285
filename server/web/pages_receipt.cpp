// What a party gets after writing a response (issue 14):
//   GET  /consultations/{id}/responses/{rid}/receipt[?format=json]
//        the receipt of the response's latest event (its latest revision,
//        or its withdrawal): response id, revision, time in the
//        consultation's time zone, log position and hash; printable; and
//        with ?format=json the file `hoering receipt check` and
//        /receipts/verify accept. Whoever may see the response (the query
//        behind GET /v1/.../responses/{rid}) may see its receipt.
//   POST /consultations/{id}/responses/{rid}/withdraw
//        fields `reason` (optional) and `version` (the response's stream
//        version the page showed: a response changed meanwhile is not
//        withdrawn unseen, 412 explained); the write is the API's
//        (response_commands.h); then the receipt page.
#include "domain/consultations/response_decide.h"
#include "domain/consultations/response_events.h"
#include "domain/decimal.h"
#include "domain/ids.h"
#include "domain/sha256.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/response_commands.h"
#include "server/app/response_queries.h"
#include "server/http/problem.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

// The receipt JSON of the response's event at `version` (the one the
// document `response` was read at, so they agree): {response,
// consultation, party, revision, event, recorded_at, position, hash,
// stream_version, withdrawn}.
Result<json> LatestReceipt(const PageCall& call, const json& response, std::uint64_t version) {
  const std::string stream = cs::ResponseStream(response.value("id", ""));
  auto events = call.ctx.log.ReadStream(stream, version, 1);
  if (!events.ok()) return events.status();
  if (events->empty()) return NotFound("the response has no events", "response-not-found");
  const RecordedEvent& e = events->front();
  return json{{"response", response.value("id", "")},
              {"consultation", response.value("consultation", "")},
              {"party", response.value("party", "")},
              {"revision", response.value("revision", 0)},
              {"event", e.type},
              {"recorded_at", FormatRfc3339Ms(e.recorded_at_ms)},
              {"position", e.position},
              {"hash", ToHex(e.hash)},
              {"stream_version", e.stream_version},
              {"withdrawn", response.value("withdrawn", false)}};
}

Result<PageReply> ShowReceipt(const PageCall& call) {
  const std::string& id = call.Param("id");
  const std::string& rid = call.Param("rid");
  auto consultation = app::ConsultationFor(call.ctx, id);
  if (!consultation.ok()) return consultation.status();
  auto doc = app::ResponseFor(call.ctx, call.who, id, rid);
  if (!doc.ok()) return doc.status();
  auto receipt = LatestReceipt(call, doc->body, doc->version);
  if (!receipt.ok()) return receipt.status();
  if (call.Query("format").value_or("") == "json") {
    http::Response res{bh::status::ok, call.req.version()};
    res.set(bh::field::content_type, "application/json");
    res.set(bh::field::content_disposition,
            "attachment; filename=\"receipt-" + rid + "-" +
                std::to_string((*receipt)["stream_version"].get<std::uint64_t>()) + ".json\"");
    res.body() = receipt->dump(2) + "\n";
    res.keep_alive(call.req.keep_alive());
    res.prepare_payload();
    return PageReply(std::move(res));
  }
  const json& c = consultation->body;
  const std::string zone = c.value("time_zone", "UTC");
  json data = {
      {"c", ConsultationEntry(call, c)},
      {"receipt", *receipt},
      {"recorded", call.LocalTime((*receipt)["recorded_at"], zone)},
      {"party_name", app::PartyName(call.ctx.views, doc->body.value("party", ""))
                         .value_or(doc->body.value("party", ""))},
      {"response_href", "/consultations/" + UrlEncode(id) + "/responses/" + UrlEncode(rid)},
      {"json_href", ReceiptHref(id, rid) + "?format=json"},
      {"withdrawn", doc->body.value("withdrawn", false)}};
  // A response recorded by the secretariat: when it was received, whether
  // it was accepted after the deadline, and the way back to their pages.
  const json& r = doc->body;
  if (r.value("received_at", json()).is_string()) {
    data["received"] = call.LocalTime(r["received_at"], zone);
  }
  if (r.value("late", false)) {
    data["late"] = true;
    if (r.value("late_reason", json()).is_string()) data["late_reason"] = r["late_reason"];
  }
  if (call.who.role == access::Role::kSecretariat || call.who.role == access::Role::kAdmin) {
    const std::string inbox = "/manage/consultations/" + UrlEncode(id) + "/responses";
    data["editor"] = {{"inbox_href", inbox}, {"record_href", inbox + "/new"}};
  }
  return HtmlPage{"receipt", call.T("receipt_page.title") + " – " + c.value("title", id),
                  std::move(data)};
}

Result<PageReply> Withdraw(const PageCall& call) {
  if (auto refused = UnlessParty(call)) return std::move(*refused);
  const std::string& id = call.Param("id");
  const std::string& rid = call.Param("rid");
  std::optional<std::string> reason = call.Field("reason");
  if (reason && reason->find_first_not_of(" \t\r\n") == std::string::npos) reason.reset();
  if (reason) {
    if (Status s = ValidateText(*reason, "reason", cs::kMaxReasonBytes); !s.ok()) return s;
  }
  // The version the page showed; without one (a hand-made form) the current.
  const std::optional<std::uint64_t> version =
      ParseDecimal<std::uint64_t>(call.Field("version").value_or(""));
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  meta.on_conflict = commands::OnConflict::kRefuse;
  return LaterPage{[id, rid, reason, version, meta](const PageCall& later, PageDone done) {
    app::WithdrawResponse(later.ctx, meta, later.who, id, rid, version, reason,
                          [&later, id, rid, done](Result<commands::Written> written) {
                            if (written.ok())
                              return done(PageReply(Redirect{ReceiptHref(id, rid), {}}));
                            // A second click after the first withdrew it: its receipt.
                            auto now = app::ResponseFor(later.ctx, later.who, id, rid);
                            if (now.ok() && now->body.value("withdrawn", false)) {
                              return done(PageReply(Redirect{ReceiptHref(id, rid), {}}));
                            }
                            done(written.status());
                          });
  }};
}

}  // namespace

void AddReceiptPages(Pages& pages) {
  pages.Add(verb::get, "/consultations/{id}/responses/{rid}/receipt", ShowReceipt);
  pages.Add(verb::post, "/consultations/{id}/responses/{rid}/withdraw", Withdraw);
}

}  // namespace hoering::web
