#include "server/web/page_data.h"

#include "domain/agreements/agreement_views.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/token_secret.h"
#include "server/web/local_time.h"

namespace hoering::web {

Result<std::vector<nlohmann::json>> AllConsultations(app::AppContext& ctx) {
  std::vector<nlohmann::json> out;
  app::ConsultationsQuery query;
  query.limit = 1000;
  while (true) {
    auto found = app::ConsultationsPage(ctx, query);
    if (!found.ok()) return found.status();
    for (const auto& c : found->items) out.push_back(c);
    if (!found->next) return out;
    query.after = *found->next;
  }
}

Result<std::shared_ptr<const RenderedText>> ConsultedText(const PageCall& call,
                                                          const nlohmann::json& c) {
  const std::string agreement = c.value("agreement", "");
  const std::uint32_t version = c.contains("version") ? c["version"].value("number", 0u) : 0u;
  const std::string hash = c.contains("version") ? c["version"].value("hash", "") : "";
  return RenderedTextFor(hash, 3, [&]() -> Result<nlohmann::json> {
    agreements::AtSelector at;
    at.kind = agreements::AtSelector::Kind::kVersion;
    at.version = version;
    auto text = app::AgreementTextAt(call.ctx, agreement, at);
    if (!text.ok()) return text.status();
    const auto& snap = text->snapshot;
    return agreements::AgreementJson(*text->agreement, *snap.text,
                                     snap.version ? &*snap.version : nullptr, nullptr)["sections"];
  });
}

std::optional<Result<PageReply>> UnlessParty(const PageCall& call) {
  if (!call.who.authenticated()) return Result<PageReply>(Redirect{"/sign-in", {}});
  if (call.who.role != access::Role::kStakeholder) {
    return Result<PageReply>(
        Status(Code::kPermissionDenied, "this page is for a party's own work", "not-a-party"));
  }
  return std::nullopt;
}

std::string ReceiptHref(const std::string& consultation, const std::string& response) {
  return "/consultations/" + UrlEncode(consultation) + "/responses/" + UrlEncode(response) +
         "/receipt";
}

std::optional<commands::IdempotencyKey> FormIdempotencyKey(const PageCall& call,
                                                           std::string_view head,
                                                           std::string_view body) {
  const std::string form_key = call.Field("form_key").value_or("");
  if (form_key.empty() || form_key.size() > 64) return std::nullopt;
  return commands::IdempotencyKey::For(call.who.token_id, "form:" + form_key, head, body);
}

std::string NewFormKey() {
  return app::RandomHex(16);
}

std::string OutcomeLabel(const PageCall& call, const std::string& outcome) {
  return call.T("outcome." + outcome);
}

nlohmann::json ConsultationEntry(const PageCall& call, const nlohmann::json& c) {
  const std::string zone = c.value("time_zone", "UTC");
  const std::string state = c.value("state", "");
  const std::string id = c.value("id", "");
  const std::string agreement = c.value("agreement", "");
  nlohmann::json out = {
      {"id", id},
      {"title", c.value("title", "")},
      {"href", "/consultations/" + UrlEncode(id)},
      {"state", state},
      {"state_label", call.T("state." + state)},
      {"is_open", state == "open"},
      {"is_closed", state == "closed"},
      {"is_scheduled", state == "scheduled"},
      {"opens", call.LocalTime(c.value("opens_at", nlohmann::json()), zone)},
      {"closes", call.LocalTime(c.value("closes_at", nlohmann::json()), zone)},
      {"time_zone", zone},
      {"submitted", c.contains("responses") ? c["responses"].value("submitted", 0) : 0},
      {"extended", c.contains("extensions") && !c["extensions"].empty()},
      {"agreement", agreement},
      {"agreement_href", "/agreements/" + UrlEncode(agreement)},
  };
  if (c.contains("version") && c["version"].is_object()) {
    out["version_number"] = c["version"].value("number", 0);
    out["version_label"] = c["version"].value("label", "");
  }
  if (state == "open") {
    if (auto closes = ParseRfc3339(c.value("closes_at", ""))) {
      out["remaining"] = FormatDuration(*closes - call.Now(), call.lang);
      out["closes_ms"] = std::to_string(*closes);
    }
  }
  return out;
}

nlohmann::json ResponseEntry(const PageCall& call, const nlohmann::json& r,
                             const std::string& consultation, const std::string& agreement,
                             const std::string& zone, const RenderedText* text) {
  const std::string id = r.value("id", "");
  const std::string party = r.value("party", "");
  const std::string base = "/consultations/" + UrlEncode(consultation);
  nlohmann::json author = r.value("author", nlohmann::json());
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : r.value("points", nlohmann::json::array())) {
    const std::string section = p.value("section", nlohmann::json()).is_string()
                                    ? p["section"].get<std::string>()
                                    : std::string();
    nlohmann::json point = {
        {"n", p.value("n", 0)},
        {"text", p.value("text", "")},
        {"section", text && !section.empty() ? text->HeadingOf(section) : section},
        {"quote", p.value("quote", nlohmann::json()).is_string() ? p["quote"].get<std::string>()
                                                                 : std::string()}};
    if (!section.empty()) point["section_href"] = base + "#" + UrlEncode(section);
    const nlohmann::json d = p.value("disposition", nlohmann::json());
    if (d.is_object()) {
      point["has_disposition"] = true;
      point["outcome"] = d.value("outcome", "");
      point["outcome_label"] = OutcomeLabel(call, d.value("outcome", ""));
      point["rationale"] = d.value("rationale", "");
      nlohmann::json changes = nlohmann::json::array();
      for (const auto& ch : d.value("changes", nlohmann::json::array())) {
        changes.push_back({{"id", ch}});
      }
      point["has_changes"] = !changes.empty();
      point["changes"] = changes;
    }
    points.push_back(std::move(point));
  }
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : r.value("attachments", nlohmann::json::array())) {
    const std::string sha = a.value("sha256", "");
    attachments.push_back({{"filename", a.value("filename", "")},
                           {"media_type", a.value("media_type", "")},
                           {"size", a.value("size", 0)},
                           {"href", "/v1/consultations/" + UrlEncode(consultation) + "/responses/" +
                                        UrlEncode(id) + "/attachments/" + UrlEncode(sha)}});
  }
  nlohmann::json out = {
      {"id", id},
      {"href", base + "/responses/" + UrlEncode(id)},
      {"author", author.is_object() ? author.value("name", "") : std::string()},
      {"anonymous", !author.is_object()},
      {"party", party},
      {"party_name", app::PartyName(call.ctx.views, party).value_or(party)},
      {"submitted", call.LocalTime(r.value("submitted_at", nlohmann::json()), zone)},
      // When the party sent it: received_at for a response recorded on its
      // behalf, else when it was submitted.
      {"received", call.LocalTime(r.value("received_at", nlohmann::json()).is_string()
                                      ? r["received_at"]
                                      : r.value("submitted_at", nlohmann::json()),
                                  zone)},
      {"revision", r.value("revision", 0)},
      {"summary", r.value("summary", nlohmann::json()).is_string() ? r["summary"].get<std::string>()
                                                                   : std::string()},
      {"withdrawn", r.value("withdrawn", false)},
      {"late", r.value("late", false)},
      {"points", points},
      {"point_count", points.size()},
      {"attachments", attachments},
      {"has_attachments", !attachments.empty()},
      {"agreement", agreement},
  };
  if (r.contains("receipt") && r["receipt"].is_object()) out["receipt"] = r["receipt"];
  return out;
}

}  // namespace hoering::web
