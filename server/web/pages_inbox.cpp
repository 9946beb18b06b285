// The committee's response inbox (issue 15), for editors (admin,
// secretariat):
//   GET /manage/consultations/{id}/responses[?party=&kind=&section=&outcome=
//       &late=&withdrawn=&q=&after=]
// Every point of every response of the consultation, 50 a page (a "next"
// link), each with its party, section (linked to the text), the quote in
// its context, the point text, the current disposition with its history and
// a form to set it; a checkbox per point for setting one disposition on a
// selection (pages_inbox_write.cpp). The filter is a GET form. Points are
// found by app::PointSearch (point_search.h); each shown response is read
// with the query behind GET .../points/{n}/disposition (LoadVisibleResponse).
#include "server/web/pages_inbox.h"

#include <algorithm>
#include <map>

#include "domain/agreements/agreement_views.h"
#include "domain/consultations/consultation_json.h"
#include "domain/parties/party.h"
#include "domain/text/quote_context.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/consultation_access.h"
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/token_secret.h"
#include "server/http/problem.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

namespace cs = consultations;
using bh::verb;
using nlohmann::json;

constexpr std::size_t kMaxQueryBytes = 200;
constexpr const char* kKinds[] = {"region",       "municipality", "practice",
                                  "organisation", "authority",    "committee"};

Status BadQuery(const std::string& why) {
  return InvalidArgument(why, "invalid-query");
}

Result<std::optional<bool>> YesNo(const std::optional<std::string>& v, const char* name) {
  if (!v || v->empty()) return std::optional<bool>();
  if (*v == "yes") return std::optional<bool>(true);
  if (*v == "no") return std::optional<bool>(false);
  return BadQuery(std::string("'") + name + "' must be yes or no");
}

// The key of a point in element ids: "<response>-<n>".
std::string KeyOf(const std::string& response, std::uint32_t n) {
  return response + "-" + std::to_string(n);
}

std::string WhoRecorded(const PageCall& call, const Actor& actor) {
  std::string label = call.ctx.views.Read([&](const app::Views& v) {
    const access::TokenInfo* t = v.access.Find(actor.token_id);
    return t ? t->label : std::string();
  });
  const std::string role = actor.role.empty() ? "" : call.T("roles." + actor.role);
  if (label.empty()) return role.empty() ? actor.token_id : role + " (" + actor.token_id + ")";
  return role.empty() ? label : label + " (" + role + ")";
}

json OutcomeOptions(const PageCall& call, const std::string& chosen) {
  json options = json::array();
  for (cs::Outcome o : cs::kAllOutcomes) {
    const std::string name = cs::OutcomeName(o);
    options.push_back(
        {{"value", name}, {"label", OutcomeLabel(call, name)}, {"selected", name == chosen}});
  }
  return options;
}

// The quote in its context: the section's body (or heading) around it.
json QuoteEntry(const std::string& quote, const agreements::Section* section) {
  json out = {{"quote", quote}, {"in_context", false}};
  if (quote.empty() || section == nullptr) return out;
  for (const std::string* where : {&section->body, &section->heading}) {
    text::QuoteInContext q = text::FindQuoteInContext(*where, quote);
    if (!q.found) continue;
    out = {{"quote", q.quote}, {"before", q.before}, {"after", q.after}, {"in_context", true}};
    break;
  }
  return out;
}

// The points of one page as the template shows them.
struct PageText {
  std::shared_ptr<const agreements::SectionTree> tree;  // the consulted text (may be null)
  std::shared_ptr<const RenderedText> rendered;         // headings
};

json PointEntry(const PageCall& call, const std::string& consultation, const std::string& zone,
                const cs::ResponseState& r, std::uint32_t n, const PageText& text,
                const InboxFailure* failure, const std::string& message, const std::string& saved) {
  const cs::Point& p = r.current().content.points[n - 1];
  const std::string ref = r.id() + "/" + std::to_string(n);
  const std::string key = KeyOf(r.id(), n);
  const std::string section = p.section.value_or("");
  const std::string base = "/consultations/" + UrlEncode(consultation);
  json point = {
      {"key", key},
      {"ref", ref},
      {"n", n},
      {"party", r.party()},
      {"party_name", app::PartyName(call.ctx.views, r.party()).value_or(r.party())},
      {"response_href", base + "/responses/" + UrlEncode(r.id()) + "#point-" + std::to_string(n)},
      {"late", r.late()},
      {"withdrawn", r.withdrawn()},
      {"text", p.text},
      {"version", r.version()},
      {"saved", ref == saved},
      {"action", "/manage/consultations/" + UrlEncode(consultation) + "/responses/" +
                     UrlEncode(r.id()) + "/points/" + std::to_string(n) + "/disposition"}};
  // A response recorded on a party's behalf: when it was received.
  if (r.received_at()) point["received"] = call.LocalTime(FormatRfc3339Ms(*r.received_at()), zone);
  if (!section.empty()) {
    point["section"] = text.rendered ? text.rendered->HeadingOf(section) : section;
    point["section_href"] = base + "#" + UrlEncode(section);
  }
  if (p.quote && !p.quote->empty()) {
    const agreements::Section* s =
        text.tree && !section.empty() ? text.tree->Find(section) : nullptr;
    point["q"] = QuoteEntry(*p.quote, s);
  }
  std::string outcome, rationale, changes;
  if (const cs::DispositionInfo* d = r.CurrentDisposition(n)) {
    outcome = cs::OutcomeName(d->outcome);
    rationale = d->rationale;
    for (const auto& c : d->changes) changes += (changes.empty() ? "" : " ") + c;
    json ids = json::array();
    for (const auto& c : d->changes) ids.push_back({{"id", c}});
    point["current"] = {{"outcome", outcome},
                        {"outcome_label", OutcomeLabel(call, outcome)},
                        {"rationale", d->rationale},
                        {"changes", ids},
                        {"has_changes", !ids.empty()},
                        {"who", WhoRecorded(call, d->recorded.actor)},
                        {"when", call.LocalTime(FormatRfc3339Ms(d->recorded.recorded_at), zone)}};
  }
  json history = json::array();
  if (auto it = r.dispositions().find(n); it != r.dispositions().end()) {
    // The earlier ones, newest first (the last is the current one).
    for (auto h = it->second.rbegin() + (it->second.empty() ? 0 : 1); h != it->second.rend(); ++h) {
      const std::string o = cs::OutcomeName(h->outcome);
      std::string ids;
      for (const auto& c : h->changes) ids += (ids.empty() ? "" : " ") + c;
      history.push_back({{"outcome_label", OutcomeLabel(call, o)},
                         {"rationale", h->rationale},
                         {"changes", ids},
                         {"who", WhoRecorded(call, h->recorded.actor)},
                         {"when", call.LocalTime(FormatRfc3339Ms(h->recorded.recorded_at), zone)}});
    }
  }
  point["history"] = history;
  point["has_history"] = !history.empty();
  // The form: the refused input when this point's form failed, else the current.
  const bool failed_here = failure && failure->point == ref;
  if (failed_here) {
    outcome = failure->outcome;
    rationale = failure->rationale;
    changes = failure->changes;
    point["open"] = true;
    point[failure->field.substr(0, failure->field.find('-')) + "_error"] = message;
  }
  point["outcomes"] = OutcomeOptions(call, outcome);
  point["rationale"] = rationale;
  point["changes"] = changes;
  point["checked"] = failure && failure->point.empty() && failure->selected.contains(ref);
  return point;
}

json Options(const std::vector<std::pair<std::string, std::string>>& values,
             const std::string& chosen) {
  json out = json::array();
  for (const auto& [value, label] : values) {
    out.push_back({{"value", value}, {"label", label}, {"selected", value == chosen}});
  }
  return out;
}

json FilterEntry(const PageCall& call, const InboxView& view, const app::PointsFound& found,
                 const RenderedText* text) {
  const app::PointFilter& f = view.filter;
  std::vector<std::pair<std::string, std::string>> parties = {{"", call.T("inbox.any")}};
  for (const auto& p : found.parties) {
    parties.emplace_back(p, app::PartyName(call.ctx.views, p).value_or(p));
  }
  std::vector<std::pair<std::string, std::string>> kinds = {{"", call.T("inbox.any")}};
  for (const char* k : kKinds) kinds.emplace_back(k, call.T(std::string("inbox.kind_") + k));
  // The sections points were made on (and the one chosen), in text order,
  // with their number of points: a 1,000-section text is not a 1,000-option
  // list.
  auto count_of = [&](const std::string& section) {
    auto it = found.sections.find(section);
    return " (" + std::to_string(it == found.sections.end() ? 0 : it->second) + ")";
  };
  std::vector<std::pair<std::string, std::string>> sections = {
      {"", call.T("inbox.any")}, {app::kWholeText, call.T("inbox.whole_text") + count_of("")}};
  if (text) {
    for (const auto& s : text->sections) {
      const std::string id = s.value("id", "");
      if (!found.sections.contains(id) && id != f.section) continue;
      std::string label;
      for (int d = 1; d < s.value("depth", 1); ++d) label += "– ";
      sections.emplace_back(id, label + s.value("heading", "") + count_of(id));
    }
  }
  std::vector<std::pair<std::string, std::string>> outcomes = {
      {"", call.T("inbox.any")}, {app::kNoDisposition, call.T("inbox.no_disposition")}};
  for (cs::Outcome o : cs::kAllOutcomes) {
    outcomes.emplace_back(cs::OutcomeName(o), OutcomeLabel(call, cs::OutcomeName(o)));
  }
  auto yes_no = [&](const std::optional<bool>& v) {
    return Options(
        {{"", call.T("inbox.any")}, {"yes", call.T("inbox.yes")}, {"no", call.T("inbox.no")}},
        v ? (*v ? "yes" : "no") : "");
  };
  return {{"parties", Options(parties, f.party)},
          {"kinds", Options(kinds, f.party_kind)},
          {"sections", Options(sections, f.section)},
          {"outcomes", Options(outcomes, f.outcome)},
          {"late", yes_no(f.late)},
          {"withdrawn", yes_no(f.withdrawn)},
          {"q", f.query}};
}

// Hidden fields that carry the view through a form post.
json ViewFields(const InboxView& view) {
  const app::PointFilter& f = view.filter;
  auto yn = [](const std::optional<bool>& v) { return v ? (*v ? "yes" : "no") : ""; };
  json out = json::array();
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"party", f.party},
                                                        {"kind", f.party_kind},
                                                        {"section", f.section},
                                                        {"outcome", f.outcome},
                                                        {"late", yn(f.late)},
                                                        {"withdrawn", yn(f.withdrawn)},
                                                        {"q", f.query},
                                                        {"after", view.after}}) {
    if (!value.empty()) out.push_back({{"name", "view_" + name}, {"value", value}});
  }
  return out;
}

Result<PageReply> ShowInbox(const PageCall& call) {
  auto view = InboxViewOf(call, false);
  if (!view.ok()) return view.status();
  return InboxPage(call, call.Param("id"), *view, nullptr, call.Query("saved").value_or(""));
}

}  // namespace

Result<InboxView> InboxViewOf(const PageCall& call, bool from_form) {
  auto get = [&](const char* name) {
    return from_form ? call.Field(std::string("view_") + name) : call.Query(name);
  };
  InboxView v;
  v.filter.party = get("party").value_or("");
  v.filter.party_kind = get("kind").value_or("");
  v.filter.section = get("section").value_or("");
  v.filter.outcome = get("outcome").value_or("");
  v.filter.query = get("q").value_or("");
  v.after = get("after").value_or("");
  if (!v.filter.outcome.empty() && v.filter.outcome != app::kNoDisposition &&
      !cs::ParseOutcome(v.filter.outcome)) {
    return BadQuery("'outcome' must be none or an outcome");
  }
  if (v.filter.query.size() > kMaxQueryBytes) return BadQuery("the search is too long");
  auto late = YesNo(get("late"), "late");
  if (!late.ok()) return late.status();
  v.filter.late = *late;
  auto withdrawn = YesNo(get("withdrawn"), "withdrawn");
  if (!withdrawn.ok()) return withdrawn.status();
  v.filter.withdrawn = *withdrawn;
  return v;
}

std::string InboxHref(const std::string& consultation, const InboxView& view, bool with_cursor) {
  std::string query;
  for (const auto& field : ViewFields(view)) {
    const std::string name = field["name"].get<std::string>().substr(5);
    if (name == "after" && !with_cursor) continue;
    query +=
        (query.empty() ? "?" : "&") + name + "=" + UrlEncode(field["value"].get<std::string>());
  }
  return "/manage/consultations/" + UrlEncode(consultation) + "/responses" + query;
}

std::string InboxProblemMessage(const PageCall& call, const Status& problem) {
  for (const std::string& key :
       {"inbox.problems." + problem.type(), "problems." + problem.type()}) {
    std::string text = call.T(key);
    if (text != key) return text;
  }
  const std::string by_status =
      "errors.status_" + std::to_string(http::HttpStatusFor(problem.code()));
  const std::string text = call.T(by_status);
  return text == by_status ? call.T("errors.other") : text;
}

Result<PageReply> InboxPage(const PageCall& call, const std::string& consultation,
                            const InboxView& view, const InboxFailure* failure,
                            const std::string& saved) {
  auto doc = app::ConsultationFor(call.ctx, consultation);
  if (!doc.ok()) return doc.status();
  const json& c = doc->body;
  const std::string zone = c.value("time_zone", "UTC");
  auto found = call.ctx.point_search.Search(consultation, view.filter, view.after, kInboxPageSize);
  if (!found.ok()) return found.status();
  PageText text;
  if (auto rendered = ConsultedText(call, c); rendered.ok()) text.rendered = *rendered;
  agreements::AtSelector at;
  at.kind = agreements::AtSelector::Kind::kVersion;
  at.version = c.contains("version") ? c["version"].value("number", 0u) : 0u;
  json change_sets = json::array();
  if (auto t = app::AgreementTextAt(call.ctx, c.value("agreement", ""), at); t.ok()) {
    text.tree = t->snapshot.text;
    change_sets = ChangeSetChoices(*t->agreement);
  }
  const std::string message = failure ? InboxProblemMessage(call, failure->problem) : "";
  std::map<std::string, std::shared_ptr<const cs::ResponseState>> responses;
  json points = json::array();
  for (const app::PointRef& ref : found->items) {
    auto& r = responses[ref.response];
    if (!r) {
      auto seen = app::LoadVisibleResponse(call.ctx, call.who, consultation, ref.response);
      if (!seen.ok()) return seen.status();
      r = seen->response;
    }
    if (ref.n == 0 || ref.n > r->current().content.points.size()) continue;
    points.push_back(
        PointEntry(call, consultation, zone, *r, ref.n, text, failure, message, saved));
  }
  json data = {{"c", ConsultationEntry(call, c)},
               {"action", InboxHref(consultation, InboxView{}, false)},
               {"record_href", InboxHref(consultation, InboxView{}, false) + "/new"},
               {"bulk_action",
                "/manage/consultations/" + UrlEncode(consultation) + "/responses/dispositions"},
               {"filter", FilterEntry(call, view, *found, text.rendered.get())},
               {"clear_href", InboxHref(consultation, InboxView{}, false)},
               {"points", points},
               {"has_points", !points.empty()},
               {"total", found->total},
               {"all", found->points},
               {"view_fields", ViewFields(view)},
               {"bulk_outcomes", OutcomeOptions(call, "")},
               {"has_change_sets", !change_sets.empty()},
               {"change_sets", change_sets},
               {"form_key", app::RandomHex(16)}};
  if (found->next) {
    InboxView next = view;
    next.after = *found->next;
    data["next_href"] = InboxHref(consultation, next);
  }
  if (!view.after.empty()) data["first_href"] = InboxHref(consultation, view, false);
  bh::status status = bh::status::ok;
  if (failure) {
    data["has_errors"] = true;
    data["errors"] = json::array({{{"field", failure->field}, {"message", message}}});
    data["error_message"] = message;
    data["error_field"] = failure->field;
    if (failure->point.empty()) {
      data["bulk_outcomes"] = OutcomeOptions(call, failure->outcome);
      data["bulk_rationale"] = failure->rationale;
      data["bulk_open"] = true;
      std::string field = failure->field;
      std::replace(field.begin(), field.end(), '-', '_');
      data[field + "_error"] = message;
    }
    status = bh::int_to_status(http::HttpStatusFor(failure->problem.code()));
  }
  return HtmlPage{"inbox", call.T("inbox.title") + " – " + c.value("title", consultation),
                  std::move(data), status};
}

void AddInboxPages(Pages& pages) {
  pages.Add(verb::get, "/manage/consultations/{id}/responses", app::Editors(), ShowInbox);
  AddInboxWritePages(pages);
}

}  // namespace hoering::web
