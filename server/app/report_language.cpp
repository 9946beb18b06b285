#include "server/app/report_language.h"

#include <array>
#include <stdexcept>

#include "server/web/pages.h"

namespace hoering::app {
namespace {

namespace cs = consultations;

cs::ReportLabels LabelsFromCatalogue(web::Language lang) {
  const nlohmann::json& all = web::TheSite().catalogue.All(lang);
  auto part = all.find("report_doc");
  auto labels = cs::ParseReportLabels(part == all.end() ? nlohmann::json() : *part);
  if (!labels.ok()) {
    throw std::logic_error("message catalogue (" + std::string(web::Code(lang)) +
                           "): " + labels.status().detail());
  }
  return std::move(labels).value();
}

}  // namespace

Result<web::Language> ReportLanguage(const std::optional<std::string>& lang_query,
                                     std::string_view accept_language) {
  if (lang_query) {
    if (*lang_query == "da") return web::Language::kDanish;
    if (*lang_query == "en") return web::Language::kEnglish;
    return InvalidArgument("lang must be da or en", "invalid-query");
  }
  return web::FromAcceptLanguage(accept_language).value_or(web::Language::kEnglish);
}

const cs::ReportLabels& ReportLabelsIn(web::Language lang) {
  static const std::array<cs::ReportLabels, 2> kLabels = {
      LabelsFromCatalogue(web::Language::kDanish), LabelsFromCatalogue(web::Language::kEnglish)};
  return kLabels[lang == web::Language::kDanish ? 0 : 1];
}

}  // namespace hoering::app
