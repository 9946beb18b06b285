// The diff page's "why" column (issue 15): for the secretariat and auditors,
// per changed section, the change sets between the two compared points that
// touched it (the query behind GET /v1/agreements/{id}/changes?from=&to=),
// each with its rationale, time and the response points it cites, linked to
// the response's page. A change set touches the sections its ops name (an
// add names the new section); a section that moved with its parent shows the
// parent's change set there only.
#include "domain/access/access.h"
#include "domain/time.h"
#include "server/app/agreement_text_queries.h"
#include "server/app/read_views.h"
#include "server/app/response_loader.h"
#include "server/web/local_time.h"
#include "server/web/pages_editor.h"

namespace hoering::web {
namespace {

using access::Role;
using nlohmann::json;

// A cited point as a link to its response ({label, href}); a response the
// log no longer yields is named without a link.
json CiteLink(const PageCall& call, const json& cite) {
  const std::string rid = cite.value("response", "");
  const std::string point = cite.value("point", "");
  json out = {{"label", call.T("editor.cites.point") + " " + point + " (" + rid + ")"},
              {"href", ""}};
  auto response = app::LoadResponse(call.ctx.log, rid);
  if (!response.ok()) return out;
  const std::string& party = (*response)->party();
  out["label"] = app::PartyName(call.ctx.views, party).value_or(party) + " – " +
                 call.T("editor.cites.point") + " " + point;
  out["href"] =
      "/consultations/" + UrlEncode((*response)->consultation()) + "/responses/" + UrlEncode(rid);
  return out;
}

// The section ids an op (ChangeSetToJson's ops) names.
std::string SectionOf(const json& op) {
  if (op.value("op", "") == "add") return op.value("section", json::object()).value("id", "");
  return op.value("id", "");
}

}  // namespace

bool SeesWhy(const PageCall& call) {
  const Role r = call.who.role;
  return r == Role::kAdmin || r == Role::kSecretariat || r == Role::kAuditor;
}

Result<std::map<std::string, json>> WhyBySection(const PageCall& call, const std::string& agreement,
                                                 const agreements::AtSelector& from,
                                                 const agreements::AtSelector& to,
                                                 const std::set<std::string>& sections) {
  auto changes = app::ChangesOfAgreement(call.ctx, agreement, from, to);
  if (!changes.ok()) return changes.status();
  std::map<std::string, json> out;
  for (const auto& c : (*changes)["items"]) {
    std::set<std::string> named;
    for (const auto& op : c.value("ops", json::array())) {
      if (std::string section = SectionOf(op); sections.count(section)) named.insert(section);
    }
    if (named.empty()) continue;
    json cites = json::array();
    for (const auto& cite : c.value("cites", json::array())) cites.push_back(CiteLink(call, cite));
    const auto when = ParseRfc3339(c.value("time", ""));
    json entry = {{"change", c.value("change", "")},
                  {"rationale", c.value("rationale", "")},
                  {"time", when ? FormatLocalDateTime(*when, kSiteTimeZone, call.lang) : ""},
                  {"cites", cites},
                  {"has_cites", !cites.empty()}};
    for (const std::string& section : named) {
      auto& list = out[section];
      if (list.is_null()) list = json::array();
      list.push_back(entry);
    }
  }
  return out;
}

Status AddWhy(const PageCall& call, const std::string& agreement,
              const agreements::AtSelector& from, const agreements::AtSelector& to, json& blocks) {
  std::set<std::string> shown;
  for (const auto& block : blocks) {
    if (block.contains("changed")) shown.insert(block["changed"].value("id", ""));
  }
  auto why = WhyBySection(call, agreement, from, to, shown);
  if (!why.ok()) return why.status();
  for (auto& block : blocks) {
    if (!block.contains("changed")) continue;
    json& section = block["changed"];
    auto found = why->find(section.value("id", ""));
    section["why_shown"] = true;
    section["why_level"] = std::min(section.value("level", 2) + 1, 6);
    section["why"] = found == why->end() ? json::array() : found->second;
    section["has_why"] = found != why->end();
  }
  return Status::Ok();
}

}  // namespace hoering::web
