// Shared pieces of the secretariat's pages (/manage, issue 15; who: admin
// and secretariat, app::Editors(), declared at each registration):
//   pages_manage.cpp               GET /manage: consultations and agreements
//   pages_manage_new.cpp           /manage/consultations/new: open one
//   pages_manage_consultation.cpp  /manage/consultations/{id}: state, extend,
//                                  close (with a confirm page), charts
//   pages_manage_invitations.cpp   create (code shown once) and revoke
//   pages_record_response.cpp      .../responses/new: a response received by
//                                  post or e-mail, on a party's behalf
//   pages_manage_tally.cpp         the counts: one pass over the responses
//   pages_manage_forms.cpp         local-time inputs, form keys, field errors
// Every write runs a Decide of server/app/consultation_commands.h,
// invitation_commands.h or response_commands.h, the same ones the JSON
// routes run.
// Thread safety: functions of values; the tally reads the log (run it on the
// blocking pool: BlockingPage).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/app/command_http.h"
#include "server/commands/command_service.h"
#include "server/web/page.h"

namespace hoering::web::manage {

// The registrations of the files above (pages.h AddManagePages calls them).
void AddNewConsultationPages(Pages& pages);
void AddManagedConsultationPages(Pages& pages);
void AddInvitationPages(Pages& pages);
void AddRecordResponsePages(Pages& pages);

// "/manage/consultations/<id>" and its inbox ".../responses".
std::string ConsultationHref(const std::string& id);
std::string InboxHref(const std::string& id);

// The consultation's page (pages_manage_consultation.cpp) as its GET shows
// it, or after a refused form: `problems` (field, message) in the error
// summary and at their fields, `kept` the extend form's input
// (extend_date, extend_time, extend_reason), answered with `status`.
// Reads the log (TallyOf): call it on the blocking pool.
struct ConsultationForms {
  std::vector<std::pair<std::string, std::string>> problems;
  std::map<std::string, std::string> kept;
  boost::beast::http::status status = boost::beast::http::status::ok;
};
Result<HtmlPage> ConsultationPage(const PageCall& call, const std::string& id,
                                  const ConsultationForms& forms = {});

// The consultation's page (of call.Param("id")) with `refusal` at `field`,
// answered with its status: for a form refused before its command runs.
BlockingPage RefusedAt(const PageCall& call, std::string field, const Status& refusal);

// Runs a page's write and answers it: `ok` makes the reply of a write (on
// the completion thread: no reads of the log), a refusal becomes the
// consultation's page with the problem at `field` (on the blocking pool).
void RunOnConsultation(const PageCall& later, PageDone done, commands::CommandMeta meta,
                       app::Decide decide, std::string id, std::string field,
                       std::function<PageReply(const commands::Written&)> ok,
                       ConsultationForms kept = {});

// What the secretariat's pages count of one consultation, in one pass over
// its entry in the point index (AppContext::point_search, as current as the
// log head; built from the log at the first use after a start).
struct ConsultationTally {
  std::uint64_t responses = 0;  // every response, withdrawn and late included
  std::uint64_t withdrawn = 0;
  std::uint64_t late = 0;
  // Points of responses not withdrawn (the report's rule): all of them, those
  // without a current disposition, and those with one by outcome.
  std::uint64_t points = 0;
  std::uint64_t undisposed = 0;
  std::map<std::string, std::uint64_t> outcomes;  // "accepted" ... -> points
  // Responses by the local date ("2023-08-25", in the consultation's zone)
  // of their first submission.
  std::map<std::string, std::uint64_t> by_day;
  // Party -> responses not withdrawn, and withdrawn ones.
  struct PartyCount {
    std::uint64_t active = 0;
    std::uint64_t withdrawn = 0;
  };
  std::map<std::string, PartyCount> parties;
};
Result<ConsultationTally> TallyOf(app::AppContext& ctx, const std::string& consultation,
                                  std::string_view zone);

// The disposition outcomes in the order pages list them.
const std::vector<std::string>& Outcomes();

// Template data of the two charts (server-rendered SVG, templates
// _manage_day_chart and _manage_outcome_chart) with the same numbers as a
// table. Days run from `first` to `last` (local dates, "YYYY-MM-DD"; at most
// the last 366 days of that range are drawn).
nlohmann::json DayChart(const ConsultationTally& tally, const std::string& first,
                        const std::string& last);
nlohmann::json OutcomeChart(const PageCall& call, const ConsultationTally& tally);

// The local date "YYYY-MM-DD" and time "HH:MM" of `t` in `zone` (UTC when
// the zone is unknown), as date and time inputs show them.
struct LocalInput {
  std::string date;
  std::string time;
};
LocalInput ToLocalInput(TimeMs t, std::string_view zone);
// The instant of a local date and time in `zone`. 400 "invalid-date" when
// they do not parse; 422 "nonexistent-time" for a time the clocks skip (an
// ambiguous one is the earlier); 422 "unknown-time-zone".
Result<TimeMs> FromLocalInput(const std::string& date, const std::string& time,
                              std::string_view zone);

// The idempotency key of one rendering of a form (its hidden "form_key",
// random per page): a second click of the same button is answered with the
// first one's outcome. Scoped to the caller's token and to `action` (one
// page may have several buttons: name what each one acts on, e.g.
// ".../invitations/<party>").
std::optional<commands::IdempotencyKey> FormKey(const PageCall& call, std::string_view action);
// A new form key for a form's hidden field.
std::string NewFormKey();

// The command meta of a page's write: the caller as actor, the form's key.
commands::CommandMeta MetaFor(const PageCall& call, std::string_view action);

// A form's problems for the template: {has_errors, errors: [{field,
// message}], <field>_error: message} from (field, message) pairs.
void AddFieldErrors(nlohmann::json& data,
                    const std::vector<std::pair<std::string, std::string>>& problems);

// The message of a refused command for a form: the catalogue's
// "manage.problems.<type>", else "problems.<type>", else the detail.
std::string ProblemMessage(const PageCall& call, const Status& status);

// The HTTP status of a refusal (server/http/problem.h), for a form page.
boost::beast::http::status FormStatus(const Status& status);

}  // namespace hoering::web::manage
