// GET /audit (auditors, the secretariat, admin): links to the audit pages and
// two GET forms that open a trace; GET /audit/trace sends a filled form on to
// the trace page, an empty one back with the error at its field (422).
#include "server/web/pages_audit.h"

#include "server/web/pages.h"

namespace hoering::web {
namespace {

using access::Role;
using boost::beast::http::verb;

app::Access AuditReaders() {
  return app::Only({Role::kAuditor, Role::kSecretariat, Role::kAdmin});
}

HtmlPage StartPage(const PageCall& call, nlohmann::json data) {
  data["can_read_log"] = call.who.role != Role::kSecretariat;
  return HtmlPage{"audit", call.T("audit.title"), std::move(data)};
}

Result<PageReply> ShowStart(const PageCall& call) {
  return StartPage(call, nlohmann::json::object());
}

Result<PageReply> OpenTrace(const PageCall& call) {
  const std::string decision = call.Query("decision").value_or("");
  const std::string response = call.Query("response").value_or("");
  if (!decision.empty()) return Redirect{"/audit/trace/decisions/" + UrlEncode(decision), {}};
  if (!response.empty()) return Redirect{"/audit/trace/responses/" + UrlEncode(response), {}};
  const bool asked_response = call.Query("response").has_value();
  const std::string field = asked_response ? "response" : "decision";
  const std::string message =
      call.T(asked_response ? "audit.response_required" : "audit.decision_required");
  nlohmann::json data = {{"has_errors", true},
                         {"errors", {{{"field", field}, {"message", message}}}},
                         {field + "_error", message}};
  HtmlPage page = StartPage(call, std::move(data));
  page.status = boost::beast::http::status::unprocessable_entity;
  return page;
}

}  // namespace

void AddAuditPages(Pages& pages) {
  pages.Add(verb::get, "/audit", AuditReaders(), ShowStart);
  pages.Add(verb::get, "/audit/trace", AuditReaders(), OpenTrace);
  AddAuditTracePages(pages);
  AddAuditLogPages(pages);
  AddAuditVerifyPages(pages);
  AddAuditRecordPages(pages);
}

}  // namespace hoering::web
