#include "domain/agreements/agreement_events.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

Status Corrupt(const std::string& type, const std::string& why) {
  return Status(Code::kCorruption, type + " data " + why, "corruption");
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::string> OptStr(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

std::string StreamFor(const std::string& agreement_id) {
  return "agreement-" + agreement_id;
}

json TermToJson(const Term& t) {
  json j = {{"years", t.years}};
  if (t.entry_into_force) j["entry_into_force"] = *t.entry_into_force;
  return j;
}

json CitesToJson(const std::vector<Cite>& cites) {
  json arr = json::array();
  for (const auto& c : cites) arr.push_back({{"response", c.response}, {"point", c.point}});
  return arr;
}

NewEvent ToEvent(const AgreementCreated& e) {
  json d = {{"id", e.id}, {"title", e.title}, {"term", TermToJson(e.term)}, {"parties", e.parties}};
  if (e.subtitle) d["subtitle"] = *e.subtitle;
  return NewEvent{kAgreementCreated, 1, std::move(d), {}};
}

NewEvent ToEvent(const ChangeSetRecorded& e) {
  json d = {{"agreement", e.agreement},      {"change", e.change},      {"rationale", e.rationale},
            {"cites", CitesToJson(e.cites)}, {"ops", OpsToJson(e.ops)}, {"source", e.source}};
  return NewEvent{kChangeSetRecorded, 1, std::move(d), {}};
}

NewEvent ToEvent(const VersionPublished& e) {
  json d = {{"agreement", e.agreement},
            {"number", e.number},
            {"label", e.label},
            {"hash", e.hash},
            {"changes", e.changes}};
  if (e.note) d["note"] = *e.note;
  return NewEvent{kVersionPublished, 1, std::move(d), {}};
}

Result<AgreementCreated> AgreementCreatedFromJson(const json& j) {
  if (!j.is_object()) return Corrupt(kAgreementCreated, "is not an object");
  AgreementCreated e;
  e.id = Str(j, "id");
  e.title = Str(j, "title");
  e.subtitle = OptStr(j, "subtitle");
  if (e.id.empty()) return Corrupt(kAgreementCreated, "has no id");
  auto term = j.find("term");
  if (term != j.end() && term->is_object()) {
    e.term.entry_into_force = OptStr(*term, "entry_into_force");
    auto years = term->find("years");
    if (years != term->end() && years->is_number_unsigned()) {
      e.term.years = years->get<std::uint32_t>();
    }
  }
  auto parties = j.find("parties");
  if (parties != j.end() && parties->is_array()) {
    for (const auto& p : *parties) {
      if (p.is_string()) e.parties.push_back(p.get<std::string>());
    }
  }
  return e;
}

Result<ChangeSetRecorded> ChangeSetRecordedFromJson(const json& j) {
  if (!j.is_object()) return Corrupt(kChangeSetRecorded, "is not an object");
  ChangeSetRecorded e;
  e.agreement = Str(j, "agreement");
  e.change = Str(j, "change");
  e.rationale = Str(j, "rationale");
  e.source = OptStr(j, "source").value_or("api");
  auto cites = j.find("cites");
  if (cites != j.end() && cites->is_array()) {
    for (const auto& c : *cites) {
      if (c.is_object()) e.cites.push_back({Str(c, "response"), Str(c, "point")});
    }
  }
  auto ops = j.find("ops");
  if (ops == j.end()) return Corrupt(kChangeSetRecorded, "has no ops");
  auto parsed = ParseOps(*ops, /*strict=*/false);
  if (!parsed.ok()) return Corrupt(kChangeSetRecorded, "has a bad op: " + parsed.status().detail());
  e.ops = std::move(parsed).value();
  return e;
}

Result<VersionPublished> VersionPublishedFromJson(const json& j) {
  if (!j.is_object()) return Corrupt(kVersionPublished, "is not an object");
  VersionPublished e;
  e.agreement = Str(j, "agreement");
  auto number = j.find("number");
  if (number == j.end() || !number->is_number_unsigned()) {
    return Corrupt(kVersionPublished, "has no number");
  }
  e.number = number->get<std::uint32_t>();
  e.label = Str(j, "label");
  e.note = OptStr(j, "note");
  e.hash = Str(j, "hash");
  auto changes = j.find("changes");
  if (changes != j.end() && changes->is_number_unsigned()) {
    e.changes = changes->get<std::uint64_t>();
  }
  return e;
}

}  // namespace hoering::agreements
