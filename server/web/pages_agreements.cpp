// The public pages of an agreement:
//   GET /agreements/{id}?at=                  the text at any selector (as
//       GET /v1/agreements/{id}?at=), its versions, a table of contents
//   GET /agreements/{id}/diff?from=&to=       the diff, inline (default) or
//       side by side (?view=side), word-level <ins>/<del> marks with more than
//       colour (underline, strike-through, and a hidden "inserted"/"deleted"
//       label for screen readers), unchanged sections collapsed in <details>;
//       paged (?page=, from 1) at kDiffPageSections sections of the diff in
//       text order, so a 1,000-section text is never one page; the summary
//       counts the whole diff
// Without from/to the diff compares the last two published versions. The
// secretariat and auditors also see, per changed section, the change sets
// behind it (pages_editor_why.cpp).
#include "domain/agreements/agreement_views.h"
#include "domain/agreements/diff_render.h"
#include "server/app/agreement_access.h"
#include "server/app/agreement_text_queries.h"
#include "server/web/local_time.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"
#include "server/web/pages_editor.h"
#include "server/web/text_view.h"

namespace hoering::web {
namespace {

namespace ag = agreements;
using boost::beast::http::verb;

nlohmann::json VersionList(const PageCall& call, const ag::AgreementState& state) {
  nlohmann::json out = nlohmann::json::array();
  const std::string base = "/agreements/" + UrlEncode(state.info().id);
  for (const ag::VersionInfo& v : state.versions()) {
    out.push_back({{"number", v.number},
                   {"label", v.label},
                   {"href", base + "?at=" + std::to_string(v.number)},
                   {"published", FormatLocalDateTime(v.recorded_at_ms, kSiteTimeZone, call.lang)}});
  }
  return out;
}

Result<PageReply> ShowAgreement(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto at = ag::ParseAtSelector(call.Query("at").value_or(""));
  if (!at.ok()) return at.status();
  auto text = app::AgreementTextAt(call.ctx, id, *at);
  if (!text.ok()) return text.status();
  const auto& snap = text->snapshot;
  const ag::AgreementState& state = *text->agreement;
  nlohmann::json doc =
      ag::AgreementJson(state, *snap.text, snap.version ? &*snap.version : nullptr, nullptr);
  nlohmann::json data = {{"id", id},
                         {"title", doc.value("title", id)},
                         {"subtitle", doc.value("subtitle", "")},

                         {"versions", VersionList(call, state)},
                         {"has_versions", !state.versions().empty()}};
  // Only a published version's text has a hash that names it for the cache.
  auto rendered = RenderedTextFor(snap.version ? snap.version->hash : std::string(), 2,
                                  [&]() -> Result<nlohmann::json> { return doc["sections"]; });
  if (!rendered.ok()) return rendered.status();
  data["sections"] = (*rendered)->sections;
  data["toc"] = (*rendered)->toc;
  if (snap.version) {
    data["shown_version"] = {{"number", snap.version->number}, {"label", snap.version->label}};
  } else {
    data["shown_working"] = true;
  }
  if (state.versions().size() >= 2) data["diff_href"] = "/agreements/" + UrlEncode(id) + "/diff";
  return HtmlPage{"agreement", doc.value("title", id), std::move(data)};
}

// A run of diff text with its mark.
nlohmann::json Segments(const nlohmann::json& ops, bool keep_insert, bool keep_delete) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& op : ops) {
    const std::string kind = op.value("op", "equal");
    if ((kind == "insert" && !keep_insert) || (kind == "delete" && !keep_delete)) continue;
    out.push_back({{"text", op.value("text", "")},
                   {"ins", kind == "insert"},
                   {"del", kind == "delete"},
                   {"eq", kind == "equal"}});
  }
  return out;
}

nlohmann::json SectionForDiff(const PageCall& call, const nlohmann::json& s) {
  const std::string status = s.value("status", "unchanged");
  const nlohmann::json& heading = s["heading"];
  const std::string title = heading["to"].is_string()     ? heading["to"].get<std::string>()
                            : heading["from"].is_string() ? heading["from"].get<std::string>()
                                                          : std::string();
  const int depth = s.value("depth", 1);
  return {{"id", s.value("id", "")},
          {"status", status},
          {"status_label", call.T("diff.status." + status)},
          {"heading", title},
          {"level", std::min(depth + 1, 6)},
          {"size", std::min(depth + 1, 6)},  // looks as deep as it is, whatever its level
          {"heading_inline", Segments(s["heading_diff"], true, true)},
          {"body_inline", Segments(s["body_diff"], true, true)},
          {"body_from", Segments(s["body_diff"], false, true)},
          {"body_to", Segments(s["body_diff"], true, false)},
          {"has_body", !s["body_diff"].empty()}};
}

// Changed sections one by one; each run of unchanged ones as one collapsed group.
// A heading is never more than one level below the heading before it (WCAG
// "info and relationships", axe heading-order): the page shows a changed
// section without its unchanged parents, which sit collapsed, so a changed
// section's level follows the changed ones before it (and the page's h1),
// an unchanged one's every heading before it (it shows only when opened).
nlohmann::json Blocks(const PageCall& call, const nlohmann::json& sections) {
  nlohmann::json blocks = nlohmann::json::array();
  int last_shown = 1;  // the h1
  int last_any = 1;
  for (const auto& s : sections) {
    nlohmann::json section = SectionForDiff(call, s);
    const bool changed = section["status"] != "unchanged";
    const int level = std::min(section["level"].get<int>(), (changed ? last_shown : last_any) + 1);
    section["level"] = level;
    last_any = level;
    if (changed) {
      last_shown = level;
      blocks.push_back({{"changed", section}});
      continue;
    }
    if (blocks.empty() || !blocks.back().contains("unchanged")) {
      blocks.push_back({{"unchanged", {{"sections", nlohmann::json::array()}, {"count", 0}}}});
    }
    auto& group = blocks.back()["unchanged"];
    group["sections"].push_back(section);
    group["count"] = group["sections"].size();
  }
  return blocks;
}

// Sections of the diff per page (the real agreements have 40-150).
constexpr std::size_t kDiffPageSections = 100;

// ?page= as a number from 1 (1 when absent).
Result<std::size_t> DiffPageNumber(const PageCall& call) {
  const std::string raw = call.Query("page").value_or("");
  if (raw.empty()) return std::size_t{1};
  std::size_t n = 0;
  for (char c : raw) {
    if (c < '0' || c > '9' || n > 1000000) {
      return InvalidArgument("'page' must be a page number from 1", "invalid-query");
    }
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  if (n == 0) return InvalidArgument("'page' must be a page number from 1", "invalid-query");
  return n;
}

Result<PageReply> ShowDiff(const PageCall& call) {
  const std::string& id = call.Param("id");
  auto state = app::LoadAgreement(call.ctx, id);
  if (!state.ok()) return state.status();
  const auto& versions = (*state)->versions();
  std::string from_raw = call.Query("from").value_or("");
  std::string to_raw = call.Query("to").value_or("");
  if (from_raw.empty() && to_raw.empty() && !versions.empty()) {
    to_raw = std::to_string(versions.back().number);
    from_raw = std::to_string(versions.size() >= 2 ? versions[versions.size() - 2].number
                                                   : versions.back().number);
  }
  auto from = ag::ParseAtSelector(from_raw);
  if (!from.ok()) return from.status();
  auto to = ag::ParseAtSelector(to_raw);
  if (!to.ok()) return to.status();
  auto page = DiffPageNumber(call);
  if (!page.ok()) return page.status();
  // Word diffs only for this page's sections: a long diff costs one page.
  const std::size_t first = (*page - 1) * kDiffPageSections;
  ag::DiffOptions this_page;
  this_page.word_diffs_from = first;
  this_page.word_diffs_to = first + kDiffPageSections;
  auto found = app::DiffOfAgreement(call.ctx, id, *from, *to, this_page);
  if (!found.ok()) return found.status();
  const std::vector<ag::SectionChange>& all = found->answer.diff.sections;
  const std::size_t pages =
      std::max<std::size_t>(1, (all.size() + kDiffPageSections - 1) / kDiffPageSections);
  if (*page > pages)
    return NotFound("the diff has " + std::to_string(pages) + " pages", "page-not-found");
  const std::size_t last = std::min(all.size(), first + kDiffPageSections);
  nlohmann::json shown = nlohmann::json::array();
  for (std::size_t i = first; i < last; ++i) shown.push_back(ag::SectionChangeToJson(all[i]));
  const bool side = call.Query("view").value_or("inline") == "side";
  const std::string base = "/agreements/" + UrlEncode(id) + "/diff?from=" + UrlEncode(from_raw) +
                           "&to=" + UrlEncode(to_raw);
  const std::string view = side ? "&view=side" : "";
  nlohmann::json options = nlohmann::json::array();
  for (const ag::VersionInfo& v : versions) {
    const std::string n = std::to_string(v.number);
    options.push_back({{"value", n},
                       {"label", n + " – " + v.label},
                       {"from_selected", n == from_raw},
                       {"to_selected", n == to_raw}});
  }
  nlohmann::json data = {{"id", id},
                         {"title", (*state)->info().title},
                         {"agreement_href", "/agreements/" + UrlEncode(id)},
                         {"from", from_raw},
                         {"to", to_raw},
                         {"summary", ag::DiffCountsToJson(found->answer.diff.counts)},
                         {"blocks", Blocks(call, shown)},
                         {"why_column", SeesWhy(call)},
                         {"side", side},
                         {"inline_href", base},
                         {"side_href", base + "&view=side"},
                         {"options", options}};
  if (pages > 1) {
    data["pager"] = {{"first", first + 1}, {"last", last}, {"total", all.size()}};
    if (*page > 1)
      data["pager"]["previous_href"] = base + view + "&page=" + std::to_string(*page - 1);
    if (*page < pages)
      data["pager"]["next_href"] = base + view + "&page=" + std::to_string(*page + 1);
  }
  // The secretariat and auditors also see why each section changed.
  if (SeesWhy(call)) {
    if (Status s = AddWhy(call, id, *from, *to, data["blocks"]); !s.ok()) return s;
  }
  return HtmlPage{"diff", call.T("diff.title") + " – " + (*state)->info().title, std::move(data)};
}

}  // namespace

void AddAgreementPages(Pages& pages) {
  pages.Add(verb::get, "/agreements/{id}", ShowAgreement);
  pages.Add(verb::get, "/agreements/{id}/diff", ShowDiff);
}

}  // namespace hoering::web
