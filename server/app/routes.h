// Route registration, one function per resource family, each in its own file.
// Every route has the shape of route.h: method, pattern, who may call it,
// handler.
#pragma once

#include "server/app/route.h"

namespace hoering::app {

void AddPartyRoutes(Routes& routes);           // routes_parties.cpp
void AddTokenRoutes(Routes& routes);           // routes_tokens.cpp
void AddEventRoutes(Routes& routes);           // routes_events.cpp
void AddOpsRoutes(Routes& routes);             // routes_ops.cpp
void AddAgreementWriteRoutes(Routes& routes);  // routes_agreements.cpp
void AddAgreementReadRoutes(Routes& routes);   // routes_agreements_read.cpp
void AddConsultationRoutes(Routes& routes);    // routes_consultations.cpp
void AddInvitationRoutes(Routes& routes);      // routes_invitations.cpp
void AddResponseWriteRoutes(Routes& routes);   // routes_responses.cpp
void AddResponseReadRoutes(Routes& routes);    // routes_responses_read.cpp
void AddDispositionRoutes(Routes& routes);     // routes_dispositions.cpp
void AddReportRoutes(Routes& routes);          // routes_report.cpp
void AddReportPublishRoutes(Routes& routes);   // routes_report_publish.cpp
void AddDecisionRoutes(Routes& routes);        // routes_decisions.cpp
void AddTraceRoutes(Routes& routes);           // routes_trace.cpp
void AddReceiptRoutes(Routes& routes);         // routes_receipts.cpp
void AddProjectionRoutes(Routes& routes);      // routes_projections.cpp

}  // namespace hoering::app
