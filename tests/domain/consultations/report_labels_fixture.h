// The report labels of the message catalogue's report_doc part
// (server/web/messages/report_doc.<lang>.json), read from the source tree for
// the domain's rendering tests. Throws when a file is missing or incomplete.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "domain/consultations/report_labels.h"

namespace hoering::consultations {

inline nlohmann::json ReportLabelsJson(const std::string& lang) {
  const std::string path =
      std::string(HOERING_SOURCE_DIR) + "/server/web/messages/report_doc." + lang + ".json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return nlohmann::json::parse(in);
}

inline ReportLabels LoadReportLabels(const std::string& lang) {
  auto labels = ParseReportLabels(ReportLabelsJson(lang));
  if (!labels.ok()) throw std::runtime_error(labels.status().detail());
  return std::move(labels).value();
}

// Loaded once per test binary.
inline const ReportLabels& EnglishLabels() {
  static const ReportLabels labels = LoadReportLabels("en");
  return labels;
}
inline const ReportLabels& DanishLabels() {
  static const ReportLabels labels = LoadReportLabels("da");
  return labels;
}

}  // namespace hoering::consultations
