// LoadDemo: turns demo_data.h into requests (docs/api.md), in the order a
// secretariat would work: parties, agreement text, consultation draft,
// consultation, responses, change sets citing them, dispositions, the final
// version, decisions; then the 2015-2018 agreement and its conditional
// approval.
#include "client/demo/demo.h"

#include <map>
#include <string>
#include <utility>

#include "client/demo/demo_data.h"
#include "client/lib/target.h"

namespace hoering::client::demo {
namespace {

using nlohmann::json;

constexpr const char* kLateReason = "Demo data: illustrative response loaded after the fact";

// The Status code of an HTTP status the server answered (server/http/problem.h
// maps the other way); anything else is kUnavailable.
Code CodeOf(int http_status) {
  static constexpr std::pair<int, Code> kCodes[] = {
      {400, Code::kInvalidArgument},  {401, Code::kUnauthenticated},
      {403, Code::kPermissionDenied}, {404, Code::kNotFound},
      {409, Code::kConflict},         {412, Code::kPreconditionFailed},
      {413, Code::kPayloadTooLarge},  {422, Code::kUnprocessable},
      {500, Code::kInternal}};
  for (const auto& [status, code] : kCodes) {
    if (status == http_status) return code;
  }
  return Code::kUnavailable;
}

Status Failure(const std::string& step, const ApiError& e) {
  std::string type = e.type;
  if (type.rfind("urn:hoering:", 0) == 0) type = type.substr(12);
  return Status(CodeOf(e.status), step + ": " + Describe(e), type);
}

// Finds section `id` in a `sections` tree ({id, body, children}).
const json* FindSection(const json& sections, const std::string& id) {
  for (const auto& s : sections) {
    if (s.value("id", "") == id) return &s;
    if (const json* found = FindSection(s.value("children", json::array()), id)) return found;
  }
  return nullptr;
}

class Loader {
 public:
  Loader(Api& api, const std::function<void(const std::string&)>& log) : api_(api), log_(log) {}

  Status Run() {
    if (Status s = RegisterParties(); !s.ok()) return s;
    if (Status s = CreateAgreement(Agreement2024(), Agreement2024Markdown(), kDraftLabel,
                                   "Consultation draft: seed 001 (Sundhedsaftalen 2024-2027)");
        !s.ok()) {
      return s;
    }
    if (Status s = Post("open consultation " + std::string(kConsultation), "/v1/consultations",
                        Consultation());
        !s.ok()) {
      return s;
    }
    const json responses = Responses();
    for (const auto& r : responses) {
      if (Status s = Submit(r); !s.ok()) return s;
    }
    for (const auto& c : ChangeSets()) {
      if (Status s = RecordChange(c); !s.ok()) return s;
    }
    for (const auto& r : responses) {
      for (const auto& d : r["dispositions"]) {
        if (Status s = Dispose(r["key"].get<std::string>(), d); !s.ok()) return s;
      }
    }
    if (Status s = Publish(kAgreement2024, kFinalLabel,
                           "After the SSU processed the consultation responses (seed 000)");
        !s.ok()) {
      return s;
    }
    for (const auto& d : Decisions2024()) {
      if (Status s = Decide(d); !s.ok()) return s;
    }
    if (Status s = CreateAgreement(Agreement2015(), Agreement2015Markdown(), kFinalLabel,
                                   "Illustrative reconstruction from seed 004");
        !s.ok()) {
      return s;
    }
    for (const auto& d : Decisions2015()) {
      if (Status s = Decide(d); !s.ok()) return s;
    }
    log_("demo loaded: " + std::to_string(rids_.size()) + " responses, " +
         std::to_string(changes_.size()) + " change sets after the consultation");
    return Status::Ok();
  }

 private:
  Status Post(const std::string& step, const std::string& target, const json& body,
              ApiResult* out = nullptr) {
    return Logged(step, api_.Call(Verb::post, target, body), out);
  }

  // Logs `step` when `r` succeeded (keeping the answer in `out`, if given).
  Status Logged(const std::string& step, Expected<ApiResult> r, ApiResult* out = nullptr) {
    if (!r.ok()) return Failure(step, r.error());
    log_(step);
    if (out != nullptr) *out = std::move(r).value();
    return Status::Ok();
  }

  Status RegisterParties() {
    for (const auto& p : Parties()) {
      if (Status s = Post("register party " + p["id"].get<std::string>(), "/v1/parties", p);
          !s.ok()) {
        return s;
      }
    }
    return Status::Ok();
  }

  Status Publish(const std::string& agreement, const std::string& label, const std::string& note) {
    return Logged("publish " + agreement + " version '" + label + "'",
                  api_.PublishVersion(agreement, {label, note}));
  }

  Status CreateAgreement(const json& body, const char* markdown, const std::string& label,
                         const std::string& rationale) {
    const std::string id = body["id"].get<std::string>();
    if (Status s = Post("create agreement " + id, "/v1/agreements", body); !s.ok()) return s;
    const std::string step = "import the text of " + id;
    auto r = api_.ImportAgreementMarkdown(id, markdown, rationale);
    if (!r.ok()) return Failure(step, r.error());
    log_(step + " (" + r->body.value("change", std::string("?")) + ")");
    return Publish(id, label, rationale);
  }

  // Recorded by the secretariat role with `received_at` in the consultation
  // period: on time whatever the server's clock. If the server's clock is
  // before that time (a demo clock inside the period), without it; if the
  // server refuses with consultation-closed, with accept_late.
  Status Submit(const json& r) {
    const std::string key = r["key"].get<std::string>();
    const std::string step =
        "submit illustrative response of " + r["body"]["party"].get<std::string>();
    const std::string target = Path({"v1", "consultations", kConsultation, "responses"});
    json body = r["body"];
    body["received_at"] = r["received_at"];
    auto res = api_.Call(Verb::post, target, body);
    if (!res.ok() && res.error().status == 400 &&
        res.error().detail.find("received_at") != std::string::npos) {
      body.erase("received_at");
      res = api_.Call(Verb::post, target, body);
    }
    if (!res.ok() && res.error().type == "urn:hoering:consultation-closed") {
      body["accept_late"] = {{"reason", kLateReason}};
      res = api_.Call(Verb::post, target, body);
    }
    if (!res.ok()) return Failure(step, res.error());
    rids_[key] = res->body["response"].get<std::string>();
    log_(step + " -> " + rids_[key] + (res->body.value("late", false) ? " (late)" : ""));
    return Status::Ok();
  }

  Status RecordChange(const json& c) {
    const std::string step = "change set '" + c["key"].get<std::string>() + "'";
    json cites = json::array();
    for (const auto& cite : c["cites"]) {
      auto it = rids_.find(cite["response"].get<std::string>());
      if (it == rids_.end()) return Unprocessable(step + ": unknown response key", "demo-data");
      cites.push_back({{"response", it->second}, {"point", cite["point"]}});
    }
    json ops = c.value("ops", json::array());
    if (c.contains("edit")) {
      auto op = EditOp(c["edit"]);
      if (!op.ok()) return Failure(step, op.error());
      if (op->is_null()) return Unprocessable(step + ": anchor not found in the text", "demo-data");
      ops.push_back(std::move(op).value());
    }
    ApiResult out;
    if (Status s = Logged(
            step,
            api_.RecordChange(kAgreement2024,
                              json{{"rationale", c["rationale"]}, {"cites", cites}, {"ops", ops}}),
            &out);
        !s.ok()) {
      return s;
    }
    changes_[c["key"].get<std::string>()] = out.body["change"].get<std::string>();
    return Status::Ok();
  }

  // {op: edit, id, body}: the section's current body with `insert` after the
  // first `anchor`; null when the section or the anchor is missing.
  Expected<json> EditOp(const json& edit) {
    auto text = api_.GetAgreement(kAgreement2024);
    if (!text.ok()) return text.error();
    const std::string id = edit["id"].get<std::string>();
    const json* section = FindSection(text->body["sections"], id);
    if (section == nullptr) return json();
    std::string body = section->value("body", "");
    const std::string anchor = edit["anchor"].get<std::string>();
    const auto at = body.find(anchor);
    if (at == std::string::npos) return json();
    body.insert(at + anchor.size(), edit["insert"].get<std::string>());
    return json{{"op", "edit"}, {"id", id}, {"body", body}};
  }

  Status Dispose(const std::string& key, const json& d) {
    const std::string rid = rids_.at(key);
    const std::string n = std::to_string(d["point"].get<int>());
    const std::string step =
        "disposition of " + key + " point " + n + ": " + d["outcome"].get<std::string>();
    DispositionInput disposition{
        d["outcome"].get<std::string>(), d["rationale"].get<std::string>(), {}};
    for (const auto& c : d["changes"]) {
      auto it = changes_.find(c.get<std::string>());
      if (it == changes_.end()) return Unprocessable(step + ": unknown change key", "demo-data");
      disposition.changes.push_back(it->second);
    }
    return Logged(
        step, api_.SetDisposition({kConsultation, rid, d["point"].get<unsigned>()}, disposition));
  }

  Status Decide(json d) {
    json& responses = d["basis"]["responses"];
    if (responses.size() == 1 && responses[0] == kAllResponses) {
      responses = json::array();
      for (const auto& [key, rid] : rids_) responses.push_back(rid);
    }
    const std::string step =
        "decision " + d["id"].get<std::string>() + " (" + d["body"]["name"].get<std::string>() +
        ", " + d["meeting_date"].get<std::string>() + ": " + d["outcome"].get<std::string>() + ")";
    return Post(step, "/v1/decisions", d);
  }

  Api& api_;
  const std::function<void(const std::string&)>& log_;
  std::map<std::string, std::string> rids_;     // response key -> r-...
  std::map<std::string, std::string> changes_;  // change key -> c-...
};

}  // namespace

Status LoadDemo(Api& admin, const std::function<void(const std::string&)>& log) {
  static const std::function<void(const std::string&)> kSilent = [](const std::string&) {};
  return Loader(admin, log ? log : kSilent).Run();
}

}  // namespace hoering::client::demo
