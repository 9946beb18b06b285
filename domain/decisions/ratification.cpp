#include "domain/decisions/ratification.h"

#include <algorithm>

#include "domain/time.h"

namespace hoering::decisions {

using nlohmann::json;

std::int64_t AddMonths(std::int64_t days, int months) {
  std::int64_t y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  std::int64_t total = y * 12 + (m - 1) + months;
  const std::int64_t ny = total >= 0 ? total / 12 : (total - 11) / 12;
  const unsigned nm = static_cast<unsigned>(total - ny * 12) + 1;
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0;
  const unsigned last = nm == 2 && leap ? 29 : kDays[nm - 1];
  return DaysFromCivil(ny, nm, std::min(d, last));
}

namespace {

std::string StatusOf(Outcome o) {
  if (o == Outcome::kApproved || o == Outcome::kApprovedWithConditions) return "approved";
  if (o == Outcome::kRejected) return "rejected";
  return "pending";
}

bool Required(const std::optional<std::string>& kind) {
  return kind && (*kind == "region" || *kind == "municipality");
}

}  // namespace

json Ratification(const agreements::AgreementState& agreement,
                  const agreements::VersionInfo& version,
                  const std::vector<std::shared_ptr<const DecisionInfo>>& decisions,
                  const std::function<std::optional<std::string>(const std::string&)>& kind_of,
                  std::int64_t today_days) {
  std::vector<std::string> parties = agreement.info().parties;
  std::vector<std::shared_ptr<const DecisionInfo>> on_version;
  for (const auto& d : decisions) {
    if (d->data.subject.version != version.number) continue;
    on_version.push_back(d);
    if (std::find(parties.begin(), parties.end(), d->data.body.party) == parties.end()) {
      parties.push_back(d->data.body.party);
    }
  }
  json rows = json::array();
  json required = json::array();
  bool all_approved = true;
  for (const auto& p : parties) {
    const auto kind = kind_of ? kind_of(p) : std::nullopt;
    const bool is_required = Required(kind) && std::find(agreement.info().parties.begin(),
                                                         agreement.info().parties.end(),
                                                         p) != agreement.info().parties.end();
    json steps = json::array();
    std::string status = "pending";
    json deciding = nullptr;
    for (const auto& d : on_version) {
      if (d->data.body.party != p) continue;
      steps.push_back({{"decision", d->data.id},
                       {"body", d->data.body.name},
                       {"meeting_date", d->data.meeting_date},
                       {"outcome", OutcomeName(d->data.outcome)},
                       {"final_for_party", d->data.final_for_party}});
      if (d->data.final_for_party) {
        status = StatusOf(d->data.outcome);
        deciding = d->data.id;
      }
    }
    if (is_required) {
      required.push_back(p);
      all_approved = all_approved && status == "approved";
    }
    json row = {{"party", p},
                {"kind", kind ? json(*kind) : json()},
                {"required", is_required},
                {"status", status},
                {"steps", std::move(steps)}};
    if (!deciding.is_null()) row["decision"] = deciding;
    rows.push_back(std::move(row));
  }
  json open_conditions = json::array();
  json recommendations = json::array();
  for (const auto& d : on_version) {
    for (const auto& c : d->data.conditions) {
      if (d->fulfilled.count(c.n)) continue;
      const auto due = ParseDate(c.due);
      open_conditions.push_back({{"decision", d->data.id},
                                 {"n", c.n},
                                 {"text", c.text},
                                 {"party", c.party},
                                 {"due", c.due},
                                 {"overdue", due && *due < today_days}});
    }
    for (const auto& r : d->data.recommendations) {
      recommendations.push_back({{"decision", d->data.id}, {"text", r}});
    }
  }
  return {
      {"agreement", agreement.info().id},
      {"version", {{"number", version.number}, {"label", version.label}, {"hash", version.hash}}},
      {"concluded", !required.empty() && all_approved},
      {"required", std::move(required)},
      {"parties", std::move(rows)},
      {"open_conditions", std::move(open_conditions)},
      {"recommendations", std::move(recommendations)},
      {"as_of", FormatDate(today_days)}};
}

std::vector<Obligation> ObligationsOf(const agreements::Term& term) {
  std::vector<Obligation> out;
  if (!term.entry_into_force) return out;
  auto start = ParseDate(*term.entry_into_force);
  if (!start) return out;
  const int years = static_cast<int>(term.years);
  const std::int64_t expiry = AddMonths(*start, 12 * years);
  out.push_back({"entry-into-force", "milestone", "The agreement enters into force", *start});
  for (int k = 1; k < years; ++k) {
    const std::int64_t due = AddMonths(*start, 12 * k);
    std::int64_t y;
    unsigned m, d;
    CivilFromDays(due, y, m, d);
    out.push_back({"review-" + std::to_string(y), "duty",
                   "Yearly review of the need to revise the agreement", due});
  }
  out.push_back({"midway-status", "duty", "Midway status of the agreement",
                 AddMonths(*start, std::min(24, 6 * years))});
  out.push_back({"final-status", "duty", "Final status, at least 6 months before expiry",
                 AddMonths(expiry, -6)});
  out.push_back(
      {"expiry", "milestone", "The agreement expires (unless a new one takes effect)", expiry});
  std::stable_sort(out.begin(), out.end(), [](const Obligation& a, const Obligation& b) {
    return a.due_days < b.due_days;
  });
  return out;
}

json ObligationsJson(const agreements::AgreementState& agreement,
                     const std::map<std::string, Fulfilment>& done, std::int64_t today_days) {
  const agreements::Term& term = agreement.info().term;
  json items = json::array();
  json expires = nullptr;
  for (const Obligation& o : ObligationsOf(term)) {
    json item = {
        {"key", o.key}, {"kind", o.kind}, {"title", o.title}, {"due", FormatDate(o.due_days)}};
    if (o.kind == "milestone") {
      item["status"] = o.due_days <= today_days ? "reached" : "upcoming";
      if (o.key == "expiry") expires = FormatDate(o.due_days);
    } else if (auto it = done.find(o.key); it != done.end()) {
      item["status"] = "done";
      item["evidence"] = it->second.evidence;
      item["done_at"] = FormatRfc3339(it->second.at_ms);
      item["position"] = it->second.position;
    } else {
      item["status"] = o.due_days < today_days ? "overdue" : "due";
    }
    items.push_back(std::move(item));
  }
  return {{"agreement", agreement.info().id},
          {"entry_into_force", term.entry_into_force ? json(*term.entry_into_force) : json()},
          {"years", term.years},
          {"expires", expires},
          {"items", std::move(items)},
          {"as_of", FormatDate(today_days)}};
}

}  // namespace hoering::decisions
