// The web pages, one registration function per family, each in its own file
// (like server/app/routes.h for the API). Paths are a contract (issue 14):
//   /                                        pages_home.cpp
//   /consultations/{id}, .../responses/{rid}, .../report
//                                            pages_consultations.cpp
//   /agreements/{id}, /agreements/{id}/diff  pages_agreements.cpp
//   /accessibility, /receipts/verify         pages_info.cpp
//   /my/responses                            pages_my.cpp
//   /consultations/{id}/respond              pages_respond.cpp
//   .../responses/{rid}/receipt, .../withdraw
//                                            pages_receipt.cpp
//   /manage/consultations/{id}/report[/publish]
//                                            pages_report_publish.cpp
//   /manage, /manage/consultations/...       pages_manage*.cpp (pages_manage.h)
//   /decisions[/{id}], /manage/decisions/new, /agreements/{id}/ratification,
//   /agreements/{id}/obligations             pages_decisions.h
//   /audit, /audit/...                      pages_audit*.cpp
//   /manage/consultations/{id}/responses...  pages_inbox*.cpp
//   /manage/consultations/{id}/responses/new pages_record_response.cpp
//   /manage/agreements/{id}/edit[/import|/publish]
//                                            pages_editor*.cpp
//   /sign-in, /sign-out                      sign_in.cpp
//   /static/{bundle}/{path...}               static_route.cpp
#pragma once

#include "server/http/router.h"
#include "server/web/page.h"

namespace hoering::web {

void AddHomePage(Pages& pages);
void AddConsultationPages(Pages& pages);
void AddAgreementPages(Pages& pages);
void AddInfoPages(Pages& pages);
void AddMyPages(Pages& pages);
void AddRespondPages(Pages& pages);
void AddReceiptPages(Pages& pages);
void AddReportPublishPages(Pages& pages);
void AddManagePages(Pages& pages);
void AddDecisionPages(Pages& pages);
void AddAuditPages(Pages& pages);  // pages_audit.h
void AddInboxPages(Pages& pages);
void AddEditorPages(Pages& pages);
void AddStaticRoute(http::Router& router, const Site& site);

// Every page and the static files.
void AddWebPages(http::Router& router, app::AppContext& ctx);
// The process's site (built from the embedded files once, on first use).
const Site& TheSite();

}  // namespace hoering::web
