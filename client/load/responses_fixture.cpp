// Scenario "responses": creating the fixture (Prepare) and reading the
// acknowledged responses back after the run (ReadBack).
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "client/load/responses_scenario.h"
#include "domain/time.h"

namespace hoering::client::load {
namespace {

using nlohmann::json;

// 2 chapters with 4 subsections each: 10 sections, every body two plain ASCII
// paragraphs (quotes are cut from them).
std::string AgreementMarkdown() {
  const char* chapters[] = {"Working together", "Health close to the citizen"};
  const char* topics[] = {"Shared patient pathways", "Discharge from hospital",
                          "Data and digital support", "Follow-up and measurement"};
  std::string md = "<!-- hoering-load fixture -->\n\n";
  for (int c = 0; c < 2; ++c) {
    md +=
        "# " + std::string(chapters[c]) + "\n\nThe parties agree that " + chapters[c] +
        " is a shared responsibility of the region, the municipalities and general practice."
        "\n\nThis chapter sets out the principles the parties follow until the agreement ends.\n\n";
    for (int t = 0; t < 4; ++t) {
      const std::string n = std::to_string(c + 1) + "." + std::to_string(t + 1);
      md += "## " + n + " " + topics[t] + "\n\nIn section " + n +
            " the parties commit to clear roles for " + topics[t] +
            ", to written agreements between the hospital and the municipality, and to follow up "
            "every quarter in the joint committee.\n\nCitizens with chronic conditions must "
            "experience one coherent course of care, and staff must know whom to call when "
            "something goes wrong in section " +
            n + ".\n\n";
    }
  }
  return md;
}

void Flatten(const json& sections, std::vector<ResponsesFixture::Section>& out) {
  if (!sections.is_array()) return;
  for (const auto& s : sections) {
    out.push_back({s.value("id", ""), s.value("body", "")});
    if (s.contains("children")) Flatten(s["children"], out);
  }
}

// Lower-case, characters outside [a-z0-9._-] replaced: safe in every id.
std::string IdSafe(const std::string& run_id) {
  std::string s = run_id.substr(0, 40);
  for (char& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    const bool ok =
        (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    if (!ok) ch = '-';
  }
  return s.empty() ? "run" : s;
}

std::string Numbered(const std::string& prefix, int i, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, i);
  return prefix + buf;
}

Status Failed(const std::string& what, const ApiError& e) {
  return Status(Code::kUnavailable, what + ": " + Describe(e), "prepare-failed");
}

// Optional string field: missing and null are the same.
std::optional<std::string> Field(const json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key) || obj[key].is_null()) return std::nullopt;
  return obj[key].is_string() ? obj[key].get<std::string>() : obj[key].dump();
}

std::string Show(const std::optional<std::string>& s) {
  return s ? "\"" + s->substr(0, 60) + "\"" : "(none)";
}

// The first difference between what was sent and what was read, "" if none.
std::string Difference(const json& sent, const json& got, std::uint64_t position,
                       const std::string& hash) {
  auto field = [&](const json& a, const json& b, const char* key, const std::string& what) {
    auto x = Field(a, key), y = Field(b, key);
    return x == y ? std::string() : what + ": sent " + Show(x) + ", read " + Show(y);
  };
  const json no_object = json::object();
  for (const char* key : {"party", "summary", "publication"}) {
    if (auto d = field(sent, got, key, key); !d.empty()) return d;
  }
  const json& sa = sent.contains("author") ? sent["author"] : no_object;
  const json& ga = got.contains("author") ? got["author"] : no_object;
  for (const char* key : {"name", "email"}) {
    if (auto d = field(sa, ga, key, std::string("author.") + key); !d.empty()) return d;
  }
  const json& sp = sent["points"];
  if (!got.contains("points") || !got["points"].is_array() || got["points"].size() != sp.size())
    return "points: sent " + std::to_string(sp.size()) + ", read a different number";
  for (std::size_t i = 0; i < sp.size(); ++i) {
    for (const char* key : {"section", "quote", "text"}) {
      const std::string what = "point " + std::to_string(i + 1) + " " + key;
      if (auto d = field(sp[i], got["points"][i], key, what); !d.empty()) return d;
    }
  }
  const json& receipt = got.contains("receipt") ? got["receipt"] : no_object;
  const auto read_position =
      receipt.contains("position") ? PositionFromJson(receipt["position"]) : std::nullopt;
  if (read_position != position)
    return "receipt.position: acknowledged " + std::to_string(position) + ", read " +
           (read_position ? std::to_string(*read_position) : "(none)");
  if (Field(receipt, "hash") != hash) return "receipt.hash differs from the acknowledged hash";
  return {};
}

}  // namespace

Status ResponsesScenario::Prepare(Api& api) {
  if (config_.parties < 1 || config_.consultations < 1) {
    return InvalidArgument("responses: --parties and --consultations must be at least 1");
  }
  const std::string tag = "load-" + IdSafe(config_.run_id);
  ResponsesFixture f;
  f.agreement = tag + "-agreement";

  auto token = api.IssueToken({"secretariat", "", "hoering-load responses " + config_.run_id});
  if (token.ok()) {
    secretariat_token_ = token->body.value("token", "");
  } else if (token.error().status != 403) {
    return Failed("issuing a secretariat token", token.error());
  }

  for (int i = 0; i < config_.parties; ++i) {
    PartyInput party{Numbered(tag + "-p", i, 4), "Load test municipality " + std::to_string(i),
                     "municipality"};
    if (auto r = api.RegisterParty(party); !r.ok())
      return Failed("registering " + party.id, r.error());
    f.parties.push_back(party.id);
  }

  auto created =
      api.Call(Verb::post, "/v1/agreements",
               {{"id", f.agreement}, {"title", "Load test agreement " + config_.run_id}});
  if (!created.ok()) return Failed("creating agreement " + f.agreement, created.error());
  auto imported = api.ImportAgreementMarkdown(f.agreement, AgreementMarkdown(), "fixture");
  if (!imported.ok()) return Failed("importing the agreement text", imported.error());
  auto version = api.PublishVersion(f.agreement, {"consultation draft", std::nullopt});
  if (!version.ok()) return Failed("publishing version 1", version.error());
  const json number = version->body.value("number", json(1));
  auto text = api.GetAgreement(f.agreement, number.dump());
  if (!text.ok()) return Failed("reading the published text", text.error());
  Flatten(text->body["sections"], f.sections);
  if (f.sections.empty()) {
    return Status(Code::kUnavailable, "the published agreement has no sections", "prepare-failed");
  }

  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  for (int k = 0; k < config_.consultations; ++k) {
    const std::string id = Numbered(tag + "-c", k, 3);
    auto r = api.OpenConsultation(
        {id, f.agreement, number.dump(), "Load test consultation " + std::to_string(k),
         FormatRfc3339(now - 3'600'000), FormatRfc3339(now + 86'400'000), f.parties, ""});
    if (!r.ok()) return Failed("opening consultation " + id, r.error());
    f.consultations.push_back(id);
  }
  fixture_ = std::move(f);
  return Status::Ok();
}

ReadbackReport ResponsesScenario::ReadBack(Api& api, std::size_t limit) const {
  ReadbackReport report;
  std::vector<Recorded> sample;
  {
    std::lock_guard lock(mu_);
    report.receipts = receipts_;
    sample = sample_;
  }
  if (sample.size() > limit) sample.resize(limit);
  for (const Recorded& rec : sample) {
    ++report.checked;
    auto got = api.GetResponse(rec.consultation, rec.response);
    std::string difference;
    if (!got.ok()) {
      difference = "GET failed: " + Describe(got.error());
    } else {
      const json sent = json::parse(rec.body, nullptr, /*allow_exceptions=*/false);
      difference = Difference(sent, got->body, rec.position, rec.hash);
    }
    if (difference.empty()) continue;
    ++report.mismatches;
    if (report.examples.size() < 10) report.examples.push_back(rec.response + ": " + difference);
  }
  return report;
}

}  // namespace hoering::client::load
