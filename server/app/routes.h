// Route registration, one function per resource family, each in its own file.
#pragma once

#include "server/app/app_context.h"
#include "server/http/router.h"

namespace hoering::app {

void AddPartyRoutes(http::Router& router, AppContext& ctx);           // routes_parties.cpp
void AddTokenRoutes(http::Router& router, AppContext& ctx);           // routes_tokens.cpp
void AddEventRoutes(http::Router& router, AppContext& ctx);           // routes_events.cpp
void AddOpsRoutes(http::Router& router, AppContext& ctx);             // routes_ops.cpp
void AddAgreementWriteRoutes(http::Router& router, AppContext& ctx);  // routes_agreements.cpp
void AddAgreementReadRoutes(http::Router& router, AppContext& ctx);   // routes_agreements_read.cpp
void AddConsultationRoutes(http::Router& router, AppContext& ctx);    // routes_consultations.cpp
void AddResponseWriteRoutes(http::Router& router, AppContext& ctx);   // routes_responses.cpp
void AddResponseReadRoutes(http::Router& router, AppContext& ctx);    // routes_responses_read.cpp
void AddDispositionRoutes(http::Router& router, AppContext& ctx);     // routes_dispositions.cpp
void AddReportRoutes(http::Router& router, AppContext& ctx);          // routes_report.cpp
void AddDecisionRoutes(http::Router& router, AppContext& ctx);        // routes_decisions.cpp
void AddTraceRoutes(http::Router& router, AppContext& ctx);           // routes_trace.cpp
void AddReceiptRoutes(http::Router& router, AppContext& ctx);         // routes_receipts.cpp
void AddProjectionRoutes(http::Router& router, AppContext& ctx);      // routes_projections.cpp

}  // namespace hoering::app
