// Opening a consultation from the secretariat's pages (issue 15):
//   GET  /manage/consultations/new[?version=<agreement>/<number>]
//        the form: a published version of an agreement, title, id
//        (optional: made from the title), invited parties (the registered
//        parties), opens and closes as local date and time in a chosen
//        time zone (default Europe/Copenhagen)
//   POST /manage/consultations/new
//        builds the body of POST /v1/consultations, checks it with the
//        API's parser and runs the API's command (DecideOpenConsultation);
//        every problem at its field with the input kept and nothing
//        written; then the consultation's page (303). A double click is
//        answered with the first click's consultation (the form's key).
#include <algorithm>
#include <cctype>
#include <tuple>

#include "domain/agreements/agreement_views.h"
#include "domain/ids.h"
#include "server/app/agreement_access.h"
#include "server/app/consultation_commands.h"
#include "server/app/read_views.h"
#include "server/app/time_zones.h"
#include "server/web/local_time.h"
#include "server/web/pages_manage.h"

namespace hoering::web::manage {
namespace {

namespace cs = consultations;
using boost::beast::http::verb;
using nlohmann::json;

constexpr std::string_view kNewPath = "/manage/consultations/new";
const std::vector<std::string> kZones = {"Europe/Copenhagen", "Atlantic/Faroe", "America/Nuuk",
                                         "UTC"};

// What the form shows and sends.
struct NewForm {
  std::string version;  // "<agreement>/<number>"
  std::string id, title, opens_date, opens_time, closes_date, closes_time;
  std::string time_zone = std::string(kSiteTimeZone);
  std::vector<std::string> invited;
  std::string form_key;
};

NewForm FromRequest(const PageCall& call) {
  NewForm f;
  f.version = call.Field("version").value_or("");
  f.id = call.Field("id").value_or("");
  f.title = call.Field("title").value_or("");
  f.opens_date = call.Field("opens_date").value_or("");
  f.opens_time = call.Field("opens_time").value_or("");
  f.closes_date = call.Field("closes_date").value_or("");
  f.closes_time = call.Field("closes_time").value_or("");
  f.time_zone = call.Field("time_zone").value_or("");
  f.form_key = call.Field("form_key").value_or("");
  for (const auto& [name, value] : call.form) {
    if (name == "invited" && value.size() <= 64) f.invited.push_back(value);
  }
  return f;
}

NewForm Blank(const PageCall& call) {
  NewForm f;
  f.version = call.Query("version").value_or("");
  const LocalInput now = ToLocalInput(call.Now(), f.time_zone);
  const LocalInput later = ToLocalInput(call.Now() + 30LL * 86400000, f.time_zone);
  f.opens_date = now.date;
  f.opens_time = now.time;
  f.closes_date = later.date;
  f.closes_time = "23:59";
  f.form_key = NewFormKey();
  return f;
}

// The published versions, by agreement: [{title, versions: [{value, label,
// selected}]}].
json VersionChoices(const PageCall& call, const std::string& chosen) {
  json groups = json::array();
  for (const auto& a : app::AgreementsPage(call.ctx, {"", 1000}).items) {
    const std::string id = a.value("id", "");
    auto state = app::LoadAgreement(call.ctx, id);
    if (!state.ok()) continue;
    json versions = json::array();
    for (const auto& v : agreements::VersionsToJson(**state)) {
      const std::string value = id + "/" + std::to_string(v.value("number", 0));
      std::string label =
          call.T("manage.new.version_word") + " " + std::to_string(v.value("number", 0));
      if (!v.value("label", "").empty()) label += " – " + v.value("label", "");
      versions.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
    }
    if (!versions.empty()) {
      groups.push_back({{"title", a.value("title", id)}, {"versions", versions}});
    }
  }
  return groups;
}

json PartyChoices(const PageCall& call, const std::vector<std::string>& invited) {
  auto parties =
      call.ctx.views.Read([](const app::Views& v) { return v.parties.List("", 100000); });
  json out = json::array();
  std::size_t i = 0;
  for (const auto& p : parties) {
    out.push_back({{"id", p.id},
                   {"i", i++},
                   {"name", p.name},
                   {"kind", call.T("manage.party_kind." + p.kind)},
                   {"checked", std::find(invited.begin(), invited.end(), p.id) != invited.end()}});
  }
  return out;
}

HtmlPage FormPage(const PageCall& call, const NewForm& f,
                  const std::vector<std::pair<std::string, std::string>>& problems,
                  boost::beast::http::status status = boost::beast::http::status::ok) {
  json zones = json::array();
  for (const auto& z : kZones) zones.push_back({{"name", z}, {"selected", z == f.time_zone}});
  json groups = VersionChoices(call, f.version);
  json data = {{"action_href", std::string(kNewPath)},
               {"version_groups", groups},
               {"has_versions", !groups.empty()},
               {"id", f.id},
               {"title", f.title},
               {"opens_date", f.opens_date},
               {"opens_time", f.opens_time},
               {"closes_date", f.closes_date},
               {"closes_time", f.closes_time},
               {"zones", zones},
               {"parties", PartyChoices(call, f.invited)},
               {"form_key", f.form_key.empty() ? NewFormKey() : f.form_key}};
  AddFieldErrors(data, problems);
  HtmlPage page{"manage_new", call.T("manage.new.heading"), std::move(data)};
  page.status = status;
  return page;
}

// An id made from the title: lower-case ASCII letters and digits (æ ø å
// spelt ae oe aa), words joined by "-", plus 6 hex digits of the form's key
// (so a double click makes the same id).
std::string IdFromTitle(const std::string& title, const std::string& form_key) {
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < title.size() && out.size() < 48; ++i) {
    const unsigned char c = title[i];
    std::string piece;
    if (std::isalnum(c)) piece = static_cast<char>(std::tolower(c));
    if (c == 0xC3 && i + 1 < title.size()) {
      const unsigned char n = title[++i];
      if (n == 0xA6 || n == 0x86) piece = "ae";
      if (n == 0xB8 || n == 0x98) piece = "oe";
      if (n == 0xA5 || n == 0x85) piece = "aa";
    }
    if (piece.empty()) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += piece;
  }
  std::string key = form_key.substr(0, 6);
  if (key.size() < 6 || !std::all_of(key.begin(), key.end(), ::isxdigit))
    key = NewFormKey().substr(0, 6);
  return (out.empty() ? "consultation" : out) + "-" + key;
}

// The field a refusal of DecideOpen belongs to.
std::string FieldOf(const Status& s) {
  const std::string& type = s.type();
  if (type == "consultation-exists" || type == "invalid-id") return "id";
  if (type == "unknown-agreement" || type == "version-not-published") return "version";
  if (type == "unknown-party") return "invited";
  if (type == "invalid-period") return "closes_date";
  if (type == "unknown-time-zone") return "time_zone";
  return "title";
}

Result<PageReply> ShowForm(const PageCall& call) {
  return FormPage(call, Blank(call), {});
}

Result<PageReply> PostForm(const PageCall& call) {
  const NewForm f = FromRequest(call);
  std::vector<std::pair<std::string, std::string>> problems;
  auto problem = [&](const std::string& field, const std::string& key) {
    problems.emplace_back(field, call.T("manage.new." + field) + ": " + call.T(key));
  };
  const auto slash = f.version.find('/');
  if (f.version.empty() || slash == std::string::npos) problem("version", "manage.errors.version");
  if (!ValidateText(f.title, "title", cs::kMaxTitleBytes).ok()) {
    problem("title", f.title.find_first_not_of(" \t\r\n") == std::string::npos
                         ? "manage.errors.required"
                         : "manage.errors.title");
  }
  if (!f.id.empty() && !ValidateId(f.id, "consultation id").ok()) problem("id", "manage.errors.id");
  std::optional<TimeMs> opens, closes;
  const bool zone_ok = app::FindTimeZone(f.time_zone) != nullptr;
  if (!zone_ok) problem("time_zone", "manage.errors.time_zone");
  for (auto [date, time, out, field] :
       {std::tuple{&f.opens_date, &f.opens_time, &opens, "opens_date"},
        std::tuple{&f.closes_date, &f.closes_time, &closes, "closes_date"}}) {
    if (!zone_ok) break;
    auto at = FromLocalInput(*date, *time, f.time_zone);
    if (at.ok()) {
      *out = *at;
    } else {
      problem(field, at.status().type() == "nonexistent-time" ? "manage.errors.nonexistent_time"
                                                              : "manage.errors.date");
    }
  }
  if (opens && closes && *closes <= *opens) problem("closes_date", "manage.errors.period");
  if (!problems.empty()) {
    return FormPage(call, f, problems, boost::beast::http::status::bad_request);
  }
  const std::string id = f.id.empty() ? IdFromTitle(f.title, f.form_key) : f.id;
  json body = {{"id", id},
               {"agreement", f.version.substr(0, slash)},
               {"version", f.version.substr(slash + 1)},
               {"title", f.title},
               {"opens_at", FormatRfc3339(*opens)},
               {"closes_at", FormatRfc3339(*closes)},
               {"invited", f.invited},
               {"time_zone", f.time_zone}};
  auto cmd = cs::ParseOpenConsultation(body);  // the API's checks
  if (!cmd.ok()) {
    return FormPage(call, f, {{FieldOf(cmd.status()), ProblemMessage(call, cmd.status())}},
                    FormStatus(cmd.status()));
  }
  commands::CommandMeta meta = MetaFor(call, kNewPath);
  return LaterPage{[f, meta, cmd = std::move(cmd).value()](const PageCall& later, PageDone done) {
    later.ctx.commands.Execute(
        meta, app::DecideOpenConsultation(later.ctx, cmd),
        [&later, f, done](Result<commands::Written> written) {
          if (written.ok()) {
            const std::string id = written->events.front().data.value("id", "");
            return done(PageReply(Redirect{ConsultationHref(id) + "?done=opened", {}}));
          }
          // The form reads the views: off the completion thread.
          later.ctx.run_blocking([&later, f, done, status = written.status()] {
            done(PageReply(FormPage(later, f, {{FieldOf(status), ProblemMessage(later, status)}},
                                    FormStatus(status))));
          });
        });
  }};
}

}  // namespace

void AddNewConsultationPages(Pages& pages) {
  pages.Add(verb::get, std::string(kNewPath), app::Editors(), ShowForm);
  pages.Add(verb::post, std::string(kNewPath), app::Editors(), PostForm);
}

}  // namespace hoering::web::manage
