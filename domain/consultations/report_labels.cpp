#include "domain/consultations/report_labels.h"

namespace hoering::consultations {
namespace {

using nlohmann::json;
using L = ReportLabels;

// The node at a dotted key, or nullptr.
const json* At(const json& root, std::string_view dotted) {
  const json* node = &root;
  while (!dotted.empty()) {
    auto dot = dotted.find('.');
    std::string key(dotted.substr(0, dot));
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

}  // namespace

const std::vector<ReportLabelKey> kReportLabelKeys = {
    {"language_tag", &L::language_tag, nullptr},
    {"heading", &L::heading, "{title}"},
    {"yes", &L::yes, nullptr},
    {"no", &L::no, nullptr},
    {"decimal_mark", &L::decimal_mark, nullptr},
    {"facts.consultation", &L::fact_consultation, nullptr},
    {"facts.agreement", &L::fact_agreement, nullptr},
    {"facts.version", &L::fact_version, nullptr},
    {"facts.version_hash", &L::version_hash, "{hash}"},
    {"facts.opens", &L::fact_opens, nullptr},
    {"facts.closes", &L::fact_closes, nullptr},
    {"facts.extended_from", &L::extended_from, "{closes_at}"},
    {"facts.extended_to", &L::extended_to, "{closes_at}"},
    {"facts.extended_on", &L::extended_on, "{at}"},
    {"facts.time_zone", &L::fact_time_zone, nullptr},
    {"facts.state", &L::fact_state, nullptr},
    {"facts.closed_at", &L::fact_closed_at, nullptr},
    {"facts.close_reason", &L::fact_close_reason, nullptr},
    {"facts.generated", &L::fact_generated, nullptr},
    {"facts.as_of_position", &L::as_of_position, "{position}"},
    {"parties.heading", &L::parties_heading, nullptr},
    {"parties.none", &L::parties_none, nullptr},
    {"parties.party", &L::col_party, nullptr},
    {"parties.kind", &L::col_kind, nullptr},
    {"parties.invited", &L::col_invited, nullptr},
    {"parties.responded", &L::col_responded, nullptr},
    {"parties.late", &L::col_late, nullptr},
    {"parties.withdrawn", &L::col_withdrawn, nullptr},
    {"responses.heading", &L::responses_heading, nullptr},
    {"responses.none", &L::responses_none, nullptr},
    {"response.author", &L::response_author, nullptr},
    {"response.author_anonymous", &L::author_anonymous, nullptr},
    {"response.author_not_given", &L::author_not_given, nullptr},
    {"response.publication", &L::response_publication, nullptr},
    {"response.submitted", &L::response_submitted, nullptr},
    {"response.first_submitted", &L::first_submitted, "{at}"},
    {"response.revision", &L::response_revision, nullptr},
    {"response.late", &L::response_late, nullptr},
    {"response.withdrawn", &L::response_withdrawn, nullptr},
    {"response.withdrawn_mark", &L::withdrawn_mark, nullptr},
    {"response.summary", &L::summary, nullptr},
    {"response.attachments", &L::attachments, nullptr},
    {"attachment.file", &L::col_file, nullptr},
    {"attachment.media_type", &L::col_media_type, nullptr},
    {"attachment.size", &L::col_size, nullptr},
    {"attachment.sha256", &L::col_sha256, nullptr},
    {"point.heading", &L::point_heading, "{n}"},
    {"point.section", &L::point_section, "{section}"},
    {"point.general", &L::section_general, nullptr},
    {"point.disposition", &L::disposition, "{outcome}"},
    {"point.recorded", &L::recorded, "{at}"},
    {"point.change", &L::change_heading, "{change}"},
    {"point.change_section", &L::change_section, "{section}"},
    {"totals.heading", &L::totals_heading, nullptr},
    {"totals.outcome", &L::col_outcome, nullptr},
    {"totals.points", &L::col_points, nullptr},
    {"totals.responses", &L::total_responses, nullptr},
    {"totals.withdrawn", &L::total_withdrawn, nullptr},
    {"totals.late", &L::total_late, nullptr},
    {"totals.total_points", &L::total_points, nullptr},
    {"totals.withheld_one", &L::withheld_one, nullptr},
    {"totals.withheld_many", &L::withheld_many, "{n}"},
};

const std::vector<ReportNameMap> kReportNameMaps = {
    {"outcome",
     &L::outcome,
     {"accepted", "partially_accepted", "not_accepted", "noted", "out_of_scope", "undecided"}},
    {"state", &L::state, {"scheduled", "open", "closed"}},
    {"publication", &L::publication, {"public", "anonymous", "private"}},
    {"party_kind",
     &L::party_kind,
     {"region", "municipality", "practice", "organisation", "authority", "committee"}},
    {"section_status", &L::section_status, {"added", "removed", "modified", "moved", "unchanged"}},
};

Result<ReportLabels> ParseReportLabels(const json& labels) {
  ReportLabels out;
  std::string problems;
  auto complain = [&problems](const std::string& what) {
    problems += (problems.empty() ? "" : "; ") + what;
  };
  auto read = [&](const std::string& key, const char* placeholder, std::string& into) {
    const json* v = At(labels, key);
    if (v == nullptr || !v->is_string()) return complain(key + " is missing or not a string");
    into = v->get<std::string>();
    if (placeholder != nullptr && into.find(placeholder) == std::string::npos) {
      complain(key + " lacks " + placeholder);
    }
  };
  for (const auto& k : kReportLabelKeys) read(k.key, k.placeholder, out.*k.member);
  for (const auto& m : kReportNameMaps) {
    for (const char* value : m.values) {
      read(std::string(m.key) + "." + value, nullptr, (out.*m.member)[value]);
    }
  }
  if (!problems.empty()) {
    return InvalidArgument("report labels: " + problems, "invalid-report-labels");
  }
  return out;
}

std::string Name(const std::map<std::string, std::string, std::less<>>& names,
                 std::string_view value) {
  auto it = names.find(value);
  return it == names.end() ? std::string(value) : it->second;
}

std::string FillLabel(std::string_view pattern, std::string_view placeholder,
                      std::string_view value) {
  std::string out;
  for (auto at = pattern.find(placeholder); !placeholder.empty() && at != std::string_view::npos;
       at = pattern.find(placeholder)) {
    out.append(pattern.substr(0, at)).append(value);
    pattern.remove_prefix(at + placeholder.size());
  }
  return out.append(pattern);
}

}  // namespace hoering::consultations
