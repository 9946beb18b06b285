// The auditors' pages (issue 15), read-only, each for the roles of the API
// route it shows:
//   GET  /audit                         start page, forms to open a trace
//   GET  /audit/trace?decision=|response=  the forms' target: to the trace
//   GET  /audit/trace/decisions/{id}    pages_audit_trace.cpp (GET /v1/trace/decisions/{id})
//   GET  /audit/trace/responses/{rid}   pages_audit_trace.cpp (GET /v1/trace/responses/{rid})
//   GET  /audit/log, /audit/log/live    pages_audit_log.cpp (GET /v1/events, /v1/events/live)
//   GET  /audit/verify, POST /audit/verify, GET /audit/verify/status
//                                       pages_audit_verify.cpp (GET /v1/verify, as a job)
//   GET  /audit/record?consultation=&at=  pages_audit_record.cpp (GET .../responses?at=)
#pragma once

#include "server/web/page.h"

namespace hoering::web {

void AddAuditTracePages(Pages& pages);
void AddAuditLogPages(Pages& pages);
void AddAuditVerifyPages(Pages& pages);
void AddAuditRecordPages(Pages& pages);

}  // namespace hoering::web
