// The inbox's disposition forms (issue 15), for editors:
//   POST /manage/consultations/{id}/responses/{rid}/points/{n}/disposition
//        fields outcome, rationale, changes (change set ids, separated by
//        spaces or commas), version (the response's stream version the page
//        showed: a response changed meanwhile is refused, 412 explained),
//        form_key; then back to the inbox (303) with the point marked saved.
//   POST /manage/consultations/{id}/responses/dispositions
//        fields point (repeated: "<response>/<n>", the ticked points),
//        outcome, rationale, form_key; one command per point, one after the
//        other, then a page with the outcome of each.
// Both carry the inbox's view in "view_" fields (pages_inbox.h) and decide
// with app::DecideRecordDisposition, the decision of
// PUT /v1/.../points/{n}/disposition; the body is read by
// consultations::ParseDisposition as the API reads it. Each point's command
// has its own idempotency key ("inbox:<form_key>:<response>/<n>"), so the
// same form sent twice records nothing twice. A refused form is the inbox
// again with the problem at its field, the input kept, nothing written.
#include <algorithm>

#include "domain/consultations/response_decide.h"
#include "domain/decimal.h"
#include "server/app/consultation_access.h"
#include "server/app/consultation_queries.h"
#include "server/app/disposition_commands.h"
#include "server/app/read_views.h"
#include "server/http/problem.h"
#include "server/web/page_data.h"
#include "server/web/pages_inbox.h"

namespace hoering::web {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

constexpr std::size_t kMaxSelected = 2 * kInboxPageSize;

struct DispositionInput {
  std::string outcome, rationale, changes;
};

DispositionInput InputOf(const PageCall& call) {
  return {call.Field("outcome").value_or(""), call.Field("rationale").value_or(""),
          call.Field("changes").value_or("")};
}

std::vector<std::string> ChangeIds(const std::string& text) {
  std::vector<std::string> out;
  std::string id;
  for (char ch : text + " ") {
    if (ch == ' ' || ch == ',' || ch == '\t' || ch == '\r' || ch == '\n') {
      if (!id.empty()) out.push_back(std::move(id));
      id.clear();
    } else {
      id += ch;
    }
  }
  return out;
}

// The API's body for the input, and which field a refusal belongs to
// ("outcome", "rationale", "changes"), checked by the API's parser.
struct Parsed {
  json body;
  std::optional<cs::RecordDisposition> command;  // set when the input is accepted
  Status problem = Status::Ok();
  std::string field;
};
Parsed ParseInput(const DispositionInput& in) {
  Parsed p;
  if (in.outcome.empty()) {
    p.problem = InvalidArgument("choose an outcome", "outcome-required");
    p.field = "outcome";
    return p;
  }
  p.body = {{"outcome", in.outcome}, {"rationale", in.rationale}};
  if (auto c = cs::ParseDisposition(p.body); !c.ok()) {
    p.problem = c.status();
    p.field = cs::ParseOutcome(in.outcome) ? "rationale" : "outcome";
    return p;
  }
  p.body["changes"] = ChangeIds(in.changes);
  auto c = cs::ParseDisposition(p.body);
  if (!c.ok()) {
    p.problem = c.status();
    p.field = "changes";
    return p;
  }
  p.command = std::move(c).value();
  return p;
}

std::string ApiPath(const std::string& consultation, const std::string& response, std::uint32_t n) {
  return "/v1/consultations/" + UrlEncode(consultation) + "/responses/" + UrlEncode(response) +
         "/points/" + std::to_string(n) + "/disposition";
}

commands::CommandMeta MetaFor(const PageCall& call, const std::string& form_key,
                              const std::string& consultation, const std::string& response,
                              std::uint32_t n, const json& body) {
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  if (!form_key.empty() && form_key.size() <= 64) {
    meta.idempotency = commands::IdempotencyKey::For(
        call.who.token_id, "inbox:" + form_key + ":" + response + "/" + std::to_string(n),
        "PUT " + ApiPath(consultation, response, n), body.dump());
  }
  return meta;
}

Result<PageReply> SetOne(const PageCall& call) {
  const std::string& id = call.Param("id");
  const std::string& rid = call.Param("rid");
  auto view = InboxViewOf(call, true);
  if (!view.ok()) return view.status();
  const std::optional<std::uint32_t> n = ParseDecimal<std::uint32_t>(call.Param("n"));
  if (!n || *n == 0) return InvalidArgument("points are numbered from 1", "invalid-point");
  const std::string ref = rid + "/" + std::to_string(*n);
  const std::string key = rid + "-" + std::to_string(*n);
  const DispositionInput input = InputOf(call);
  auto failure_at = [&](const std::string& field, Status problem) {
    return InboxFailure{ref, input.outcome,     input.rationale, input.changes,
                        {},  field + "-" + key, problem};
  };
  Parsed parsed = ParseInput(input);
  if (!parsed.command) {
    InboxFailure failure = failure_at(parsed.field, parsed.problem);
    return InboxPage(call, id, *view, &failure);
  }
  const std::optional<std::uint64_t> version =
      ParseDecimal<std::uint64_t>(call.Field("version").value_or(""));
  commands::CommandMeta meta =
      MetaFor(call, call.Field("form_key").value_or(""), id, rid, *n, parsed.body);
  if (version) meta.on_conflict = commands::OnConflict::kRefuse;
  app::Decide decide =
      app::DecideRecordDisposition(call.ctx, id, rid, *n, *parsed.command, version);
  return LaterPage{[id, ref, key, input, view = *view, meta, decide](const PageCall& later,
                                                                     PageDone done) {
    later.ctx.commands.Execute(
        meta, decide, [&later, id, ref, key, input, view, done](Result<commands::Written> written) {
          // Runs on the store's completion thread: the page is rendered on the blocking pool.
          later.ctx.run_blocking([&later, id, ref, key, input, view, done, written] {
            if (written.ok()) {
              const std::string href = InboxHref(id, view);
              return done(
                  PageReply(Redirect{href + (href.find('?') == std::string::npos ? "?" : "&") +
                                         "saved=" + UrlEncode(ref) + "#point-" + key,
                                     {}}));
            }
            const bool at_changes = written.status().type() == "unknown-change";
            InboxFailure failure{ref,
                                 input.outcome,
                                 input.rationale,
                                 input.changes,
                                 {},
                                 (at_changes ? "changes-" : "outcome-") + key,
                                 written.status()};
            done(InboxPage(later, id, view, &failure));
          });
        });
  }};
}

// One point of a selection and what became of it.
struct Selected {
  std::string response;
  std::uint32_t n = 0;
  Status outcome = Status::Ok();
  bool replayed = false;
};

// Runs the selection's commands one after the other (each decided on the
// response as the previous one left it), then renders the outcome page.
struct SelectionRun : std::enable_shared_from_this<SelectionRun> {
  const PageCall& call;
  PageDone done;
  std::string consultation;
  InboxView view;
  std::string form_key;
  json body;
  cs::RecordDisposition command;
  std::vector<Selected> points;
  std::size_t next = 0;

  SelectionRun(const PageCall& c, PageDone d) : call(c), done(std::move(d)) {}

  void Step() {
    if (next == points.size()) return done(OutcomePage());
    const Selected& p = points[next];
    call.ctx.commands.Execute(MetaFor(call, form_key, consultation, p.response, p.n, body),
                              app::DecideRecordDisposition(call.ctx, consultation, p.response, p.n,
                                                           command, std::nullopt),
                              [self = shared_from_this()](Result<commands::Written> written) {
                                Selected& done_point = self->points[self->next];
                                done_point.outcome = written.ok() ? Status::Ok() : written.status();
                                done_point.replayed = written.ok() && written->replayed;
                                ++self->next;
                                self->call.ctx.run_blocking([self] { self->Step(); });
                              });
  }

  Result<PageReply> OutcomePage() {
    auto doc = app::ConsultationFor(call.ctx, consultation);
    if (!doc.ok()) return doc.status();
    json rows = json::array();
    std::size_t recorded = 0;
    for (const Selected& p : points) {
      json row = {{"n", p.n},
                  {"ok", p.outcome.ok()},
                  {"href", InboxHref(consultation, view) + "#point-" + p.response + "-" +
                               std::to_string(p.n)},
                  {"response_href", "/consultations/" + UrlEncode(consultation) + "/responses/" +
                                        UrlEncode(p.response) + "#point-" + std::to_string(p.n)}};
      std::string party = p.response;
      if (auto seen = app::LoadVisibleResponse(call.ctx, call.who, consultation, p.response);
          seen.ok()) {
        party = app::PartyName(call.ctx.views, seen->response->party())
                    .value_or(seen->response->party());
      }
      row["party_name"] = party;
      row["message"] = p.outcome.ok()
                           ? call.T(p.replayed ? "inbox.already_recorded" : "inbox.recorded")
                           : InboxProblemMessage(call, p.outcome);
      if (p.outcome.ok()) ++recorded;
      rows.push_back(std::move(row));
    }
    json data = {{"c", ConsultationEntry(call, doc->body)},
                 {"rows", rows},
                 {"recorded", recorded},
                 {"refused", points.size() - recorded},
                 {"all_recorded", recorded == points.size()},
                 {"outcome_label", OutcomeLabel(call, cs::OutcomeName(command.outcome))},
                 {"back_href", InboxHref(consultation, view)}};
    return PageReply(
        HtmlPage{"inbox_selection",
                 call.T("inbox.selection_title") + " – " + doc->body.value("title", consultation),
                 std::move(data)});
  }
};

Result<PageReply> SetSelected(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto view = InboxViewOf(call, true);
  if (!view.ok()) return view.status();
  const DispositionInput input = InputOf(call);
  std::vector<Selected> points;
  std::set<std::string> refs;
  for (const auto& [name, value] : call.form) {
    if (name != "point" || !refs.insert(value).second) continue;
    const auto slash = value.rfind('/');
    const std::optional<std::uint32_t> n =
        slash == std::string::npos ? std::nullopt
                                   : ParseDecimal<std::uint32_t>(value.substr(slash + 1));
    if (!n || *n == 0 || slash == 0) {
      return InvalidArgument("a point is named <response>/<n>", "invalid-form");
    }
    points.push_back({value.substr(0, slash), *n});
  }
  if (points.size() > kMaxSelected) {
    return InvalidArgument("at most " + std::to_string(kMaxSelected) + " points at once",
                           "invalid-form");
  }
  auto fail = [&](const std::string& field, Status problem) -> Result<PageReply> {
    InboxFailure failure{"", input.outcome, input.rationale, input.changes, refs, field, problem};
    return InboxPage(call, id, *view, &failure);
  };
  if (points.empty()) {
    return fail("bulk-points", InvalidArgument("tick the points", "no-points-selected"));
  }
  Parsed parsed = ParseInput({input.outcome, input.rationale, ""});
  if (!parsed.command) return fail("bulk-" + parsed.field, parsed.problem);
  auto consultation = app::ConsultationFor(call.ctx, id);
  if (!consultation.ok()) return consultation.status();
  return LaterPage{
      [id, view = *view, points, parsed, form_key = call.Field("form_key").value_or("")](
          const PageCall& later, PageDone done) {
        auto run = std::make_shared<SelectionRun>(later, std::move(done));
        run->consultation = id;
        run->view = view;
        run->form_key = form_key;
        run->body = parsed.body;
        run->command = *parsed.command;
        run->points = points;
        later.ctx.run_blocking([run] { run->Step(); });
      }};
}

}  // namespace

nlohmann::json ChangeSetChoices(const agreements::AgreementState& agreement) {
  nlohmann::json out = nlohmann::json::array();
  const auto& all = agreement.change_sets();
  for (auto it = all.rbegin(); it != all.rend() && out.size() < kChangeSetChoices; ++it) {
    std::string rationale = it->data.rationale;
    if (rationale.size() > 80) {
      std::size_t cut = 80;
      while (cut > 0 && (static_cast<unsigned char>(rationale[cut]) & 0xC0) == 0x80) --cut;
      rationale = rationale.substr(0, cut) + "…";
    }
    out.push_back({{"id", it->id()}, {"label", it->id() + " – " + rationale}});
  }
  return out;
}

void AddInboxWritePages(Pages& pages) {
  pages.Add(verb::post, "/manage/consultations/{id}/responses/{rid}/points/{n}/disposition",
            app::Editors(), SetOne);
  pages.Add(verb::post, "/manage/consultations/{id}/responses/dispositions", app::Editors(),
            SetSelected);
}

}  // namespace hoering::web
