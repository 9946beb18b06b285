// One consultation on the secretariat's pages (issue 15):
//   GET  /manage/consultations/{id}[?done=opened|extended|closed|issued|revoked]
//        state and dates in the consultation's time zone, the extensions,
//        responses received and points without a disposition, the invited
//        parties with "response received" (from one pass over the
//        responses, TallyOf), their invitations (the query behind GET
//        /v1/consultations/{id}/invitations) with create and revoke forms,
//        the extend form, a link to the close confirmation, and the charts
//        of responses per day and points by outcome (SVG + table)
//   POST /manage/consultations/{id}/extend    closes_date, closes_time (local,
//        in the consultation's zone), reason; version (what the page
//        showed: 412 explained when it moved on)
//   GET  /manage/consultations/{id}/close     the confirm step (no JavaScript)
//   POST /manage/consultations/{id}/close     reason (optional), version
// The writes are the API's (consultation_commands.h); a refusal is shown at
// its field on the page, with the input kept and nothing written.
#include "domain/consultations/consultation_decide.h"
#include "domain/decimal.h"
#include "domain/ids.h"
#include "server/app/consultation_commands.h"
#include "server/app/consultation_queries.h"
#include "server/app/invitation_queries.h"
#include "server/app/read_views.h"
#include "server/web/page_data.h"
#include "server/web/pages_manage.h"

namespace hoering::web::manage {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

json Invitations(const PageCall& call, const std::string& id, const std::string& zone,
                 std::map<std::string, int>& active, Status& failed) {
  json out = json::array();
  app::PageRequest page{"", 1000};
  for (;;) {
    auto found = app::InvitationsPage(call.ctx, id, page);
    if (!found.ok()) {
      failed = found.status();
      return out;
    }
    for (const auto& inv : found->items) {
      const std::string party = inv.value("party", "");
      const bool revoked = inv.value("revoked", false);
      const bool expired = inv.value("expired", false);
      if (!revoked && !expired) ++active[party];
      const std::string iid = inv.value("id", "");
      out.push_back(
          {{"id", iid},
           {"party", party},
           {"party_name", app::PartyName(call.ctx.views, party).value_or(party)},
           {"issued", call.LocalTime(inv.value("issued_at", json()), zone)},
           {"expires", call.LocalTime(inv.value("expires_at", json()), zone)},
           {"state", call.T(revoked   ? "manage.invitations.revoked"
                            : expired ? "manage.invitations.expired"
                                      : "manage.invitations.active")},
           {"active", !revoked && !expired},
           {"revoke_href", ConsultationHref(id) + "/invitations/" + UrlEncode(iid) + "/revoke"}});
    }
    if (!found->next) break;
    page.after = *found->next;
  }
  return out;
}

json InvitedParties(const PageCall& call, const json& c, const ConsultationTally& tally,
                    const std::map<std::string, int>& active) {
  json out = json::array();
  for (const auto& p : c.value("invited", json::array())) {
    const std::string party = p.get<std::string>();
    auto it = tally.parties.find(party);
    const ConsultationTally::PartyCount count =
        it == tally.parties.end() ? ConsultationTally::PartyCount{} : it->second;
    const std::string received = count.active > 0      ? "yes"
                                 : count.withdrawn > 0 ? "withdrawn"
                                                       : "no";
    auto invitations = active.find(party);
    out.push_back({{"id", party},
                   {"name", app::PartyName(call.ctx.views, party).value_or(party)},
                   {"received", received},
                   {"received_label", call.T("manage.consultation.received_" + received)},
                   {"responses", count.active},
                   {"active_invitations", invitations == active.end() ? 0 : invitations->second}});
  }
  return out;
}

json Extensions(const PageCall& call, const json& c, const std::string& zone) {
  json out = json::array();
  for (const auto& e : c.value("extensions", json::array())) {
    out.push_back({{"from", call.LocalTime(e.value("previous_closes_at", json()), zone)},
                   {"to", call.LocalTime(e.value("closes_at", json()), zone)},
                   {"at", call.LocalTime(e.value("at", json()), zone)},
                   {"reason", e.value("reason", "")}});
  }
  return out;
}

std::string Kept(const ConsultationForms& forms, const std::string& key, std::string fallback) {
  auto it = forms.kept.find(key);
  return it == forms.kept.end() ? fallback : it->second;
}

Result<PageReply> Show(const PageCall& call) {
  return BlockingPage{[](const PageCall& later) -> Result<HtmlPage> {
    return ConsultationPage(later, later.Param("id"));
  }};
}

// The version the page showed; nullopt without one (a hand-made form: the
// current one is decided on).
std::optional<std::uint64_t> ShownVersion(const PageCall& call) {
  return ParseDecimal<std::uint64_t>(call.Field("version").value_or(""));
}

Result<PageReply> Extend(const PageCall& call) {
  const std::string id = call.Param("id");
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  const std::string zone = doc->body.value("time_zone", "UTC");
  ConsultationForms forms;
  for (const char* field : {"extend_date", "extend_time", "extend_reason"}) {
    forms.kept[field] = call.Field(field).value_or("");
  }
  auto problem = [&](const std::string& field, const std::string& key) {
    forms.problems.emplace_back(field, call.T("manage.extend." + field) + ": " + call.T(key));
  };
  auto closes = FromLocalInput(forms.kept["extend_date"], forms.kept["extend_time"], zone);
  if (!closes.ok()) problem("extend_date", "manage.errors.date");
  const std::string& reason = forms.kept["extend_reason"];
  if (!ValidateText(reason, "reason", cs::kMaxReasonBytes).ok()) {
    problem("extend_reason", reason.find_first_not_of(" \t\r\n") == std::string::npos
                                 ? "manage.errors.required"
                                 : "manage.errors.reason");
  }
  std::optional<cs::ExtendDeadline> cmd;
  if (forms.problems.empty()) {
    auto parsed =
        cs::ParseExtendDeadline({{"closes_at", FormatRfc3339(*closes)}, {"reason", reason}});
    if (parsed.ok()) {
      cmd = std::move(parsed).value();
    } else {
      forms.problems.emplace_back("extend_reason", ProblemMessage(call, parsed.status()));
    }
  }
  if (!cmd) {
    forms.status = bh::status::bad_request;
    return BlockingPage{[forms](const PageCall& later) {
      return ConsultationPage(later, later.Param("id"), forms);
    }};
  }
  commands::CommandMeta meta = MetaFor(call, ConsultationHref(id) + "/extend");
  meta.on_conflict = commands::OnConflict::kRefuse;
  auto decide = app::DecideExtendConsultation(call.ctx, id, *cmd, ShownVersion(call));
  return LaterPage{[meta, decide, id, forms](const PageCall& later, PageDone done) {
    RunOnConsultation(
        later, done, meta, decide, id, "extend_date",
        [id](const commands::Written&) {
          return PageReply(Redirect{ConsultationHref(id) + "?done=extended", {}});
        },
        forms);
  }};
}

HtmlPage ClosePage(const PageCall& call, const json& c, std::uint64_t version,
                   const std::string& reason,
                   const std::vector<std::pair<std::string, std::string>>& problems,
                   bh::status status = bh::status::ok) {
  json data = {{"c", ConsultationEntry(call, c)},
               {"manage_href", ConsultationHref(c.value("id", ""))},
               {"action_href", ConsultationHref(c.value("id", "")) + "/close"},
               {"version", version},
               {"close_reason", reason},
               {"form_key", NewFormKey()}};
  AddFieldErrors(data, problems);
  HtmlPage page{"manage_close", call.T("manage.close.title") + " – " + c.value("title", ""),
                std::move(data)};
  page.status = status;
  return page;
}

Result<PageReply> ShowClose(const PageCall& call) {
  auto doc = app::ConsultationFor(call.ctx, call.Param("id"));
  if (!doc.ok()) return doc.status();
  if (doc->body.value("state", "") == "closed") {
    return Redirect{ConsultationHref(call.Param("id")), {}};
  }
  return ClosePage(call, doc->body, doc->version, "", {});
}

Result<PageReply> PostClose(const PageCall& call) {
  const std::string id = call.Param("id");
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  std::string reason_text = call.Field("close_reason").value_or("");
  std::optional<std::string> reason;
  if (reason_text.find_first_not_of(" \t\r\n") != std::string::npos) reason = reason_text;
  auto parsed = cs::ParseCloseReason(reason ? json{{"reason", *reason}} : json());
  if (!parsed.ok()) {
    return ClosePage(
        call, doc->body, ShownVersion(call).value_or(doc->version), reason_text,
        {{"close_reason", call.T("manage.close.reason") + ": " + call.T("manage.errors.reason")}},
        bh::status::bad_request);
  }
  commands::CommandMeta meta = MetaFor(call, ConsultationHref(id) + "/close");
  meta.on_conflict = commands::OnConflict::kRefuse;
  auto decide = app::DecideCloseConsultation(call.ctx, id, *parsed, ShownVersion(call));
  return LaterPage{[meta, decide, id, reason_text](const PageCall& later, PageDone done) {
    later.ctx.commands.Execute(
        meta, decide, [&later, id, reason_text, done](Result<commands::Written> written) {
          if (written.ok()) {
            return done(PageReply(Redirect{ConsultationHref(id) + "?done=closed", {}}));
          }
          later.ctx.run_blocking([&later, id, reason_text, done, status = written.status()] {
            auto now = app::ConsultationFor(later.ctx, id);
            if (!now.ok()) return done(now.status());
            done(PageReply(ClosePage(later, now->body, now->version, reason_text,
                                     {{"close_reason", ProblemMessage(later, status)}},
                                     FormStatus(status))));
          });
        });
  }};
}

}  // namespace

Result<HtmlPage> ConsultationPage(const PageCall& call, const std::string& id,
                                  const ConsultationForms& forms) {
  auto doc = app::ConsultationFor(call.ctx, id);
  if (!doc.ok()) return doc.status();
  const json& c = doc->body;
  const std::string zone = c.value("time_zone", "UTC");
  auto tally = TallyOf(call.ctx, id, zone);
  if (!tally.ok()) return tally.status();
  Status failed = Status::Ok();
  std::map<std::string, int> active;
  json invitations = Invitations(call, id, zone, active, failed);
  if (!failed.ok()) return failed;
  json entry = ConsultationEntry(call, c);
  entry["inbox_href"] = InboxHref(id);
  entry["close_href"] = ConsultationHref(id) + "/close";
  entry["action_base"] = ConsultationHref(id);
  entry["created"] = call.LocalTime(c.value("created_at", json()), zone);
  entry["closed_at"] = call.LocalTime(c.value("closed_at", json()), zone);
  entry["close_reason"] = c.value("close_reason", json()).is_string()
                              ? c["close_reason"].get<std::string>()
                              : std::string();
  const std::string done = call.Query("done").value_or("");
  const LocalInput deadline =
      ToLocalInput(ParseRfc3339(c.value("closes_at", "")).value_or(call.Now()), zone);
  const std::string first =
      ToLocalInput(ParseRfc3339(c.value("opens_at", "")).value_or(call.Now()), zone).date;
  std::string last = ToLocalInput(call.Now(), zone).date;
  if (c.value("state", "") == "closed") {
    last = ToLocalInput(ParseRfc3339(c.value("closed_at", json()).is_string()
                                         ? c["closed_at"].get<std::string>()
                                         : c.value("closes_at", ""))
                            .value_or(call.Now()),
                        zone)
               .date;
  }
  if (!tally->by_day.empty()) last = std::max(last, tally->by_day.rbegin()->first);
  json data = {{"c", entry},
               {"version", doc->version},
               {"tally",
                {{"responses", tally->responses},
                 {"withdrawn", tally->withdrawn},
                 {"late", tally->late},
                 {"points", tally->points},
                 {"undisposed", tally->undisposed}}},
               {"extensions", Extensions(call, c, zone)},
               {"has_extensions", !c.value("extensions", json::array()).empty()},
               {"parties", InvitedParties(call, c, *tally, active)},
               {"invitations", invitations},
               {"has_invitations", !invitations.empty()},
               {"day_chart", DayChart(*tally, first, last)},
               {"outcome_chart", OutcomeChart(call, *tally)},
               {"extend_date", Kept(forms, "extend_date", deadline.date)},
               {"extend_time", Kept(forms, "extend_time", deadline.time)},
               {"extend_reason", Kept(forms, "extend_reason", "")},
               {"form_key", NewFormKey()},
               {"can_change", c.value("state", "") != "closed"}};
  if (!done.empty() && done.size() < 20 &&
      done.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
    const std::string key = "manage.done." + done;
    if (call.T(key) != key) data["done"] = call.T(key);
  }
  AddFieldErrors(data, forms.problems);
  HtmlPage page{"manage_consultation", c.value("title", id), std::move(data)};
  page.status = forms.status;
  return page;
}

BlockingPage RefusedAt(const PageCall& call, std::string field, const Status& refusal) {
  ConsultationForms forms;
  forms.problems.emplace_back(std::move(field), ProblemMessage(call, refusal));
  forms.status = FormStatus(refusal);
  return BlockingPage{
      [forms](const PageCall& later) { return ConsultationPage(later, later.Param("id"), forms); }};
}

void RunOnConsultation(const PageCall& later, PageDone done, commands::CommandMeta meta,
                       app::Decide decide, std::string id, std::string field,
                       std::function<PageReply(const commands::Written&)> ok,
                       ConsultationForms kept) {
  later.ctx.commands.Execute(
      std::move(meta), std::move(decide),
      [&later, done, id, field, ok, kept](Result<commands::Written> written) {
        if (written.ok()) return done(ok(*written));
        later.ctx.run_blocking([&later, done, id, field, kept, status = written.status()] {
          if (status.code() == Code::kNotFound) return done(status);
          ConsultationForms forms = kept;
          forms.problems.emplace_back(field, ProblemMessage(later, status));
          forms.status = FormStatus(status);
          auto page = ConsultationPage(later, id, forms);
          if (!page.ok()) return done(page.status());
          done(PageReply(std::move(page).value()));
        });
      });
}

void AddManagedConsultationPages(Pages& pages) {
  const std::string base = "/manage/consultations/{id}";
  pages.Add(verb::get, base, app::Editors(), Show);
  pages.Add(verb::post, base + "/extend", app::Editors(), Extend);
  pages.Add(verb::get, base + "/close", app::Editors(), ShowClose);
  pages.Add(verb::post, base + "/close", app::Editors(), PostClose);
}

}  // namespace hoering::web::manage
