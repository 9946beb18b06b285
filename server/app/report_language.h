// The language of a /v1 consultation report rendered as md or html, and its
// words. The language is `?lang=` ("da" or "en"; anything else is a 400
// invalid-query), else the best of da/en in Accept-Language (by q), else
// English, the report's language before it had a choice. Unlike the web pages
// there is no cookie and no Danish default: the same request always gets the
// same answer. JSON and CSV reports do not depend on the language.
//
// The labels come from the message catalogue's "report_doc" part
// (server/web/messages/report_doc.<lang>.json), parsed once per process on
// first use. REQUIRES: the built-in catalogue holds a complete report_doc part
// for both languages (tested); otherwise ReportLabelsIn throws
// std::logic_error, a build defect. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/consultations/report_labels.h"
#include "domain/status.h"
#include "server/web/language.h"

namespace hoering::app {

Result<web::Language> ReportLanguage(const std::optional<std::string>& lang_query,
                                     std::string_view accept_language);

const consultations::ReportLabels& ReportLabelsIn(web::Language lang);

}  // namespace hoering::app
