#include "server/web/pages.h"

#include <spdlog/spdlog.h>

#include "server/web/response_drafts.h"
#include "server/web/sign_in.h"

namespace hoering::web {

const Site& TheSite() {
  static const Site site;
  return site;
}

void AddWebPages(http::Router& router, app::AppContext& ctx) {
  const Site& site = TheSite();
  // Sessions and drafts that expired while the server was down.
  if (auto swept = WebSessions(ctx.local).Sweep(ctx.clock()); !swept.ok()) {
    spdlog::warn("could not remove expired web sessions: {}", swept.status().detail());
  }
  if (auto swept = ResponseDrafts(ctx.local).Sweep(ctx.clock()); !swept.ok()) {
    spdlog::warn("could not remove expired response drafts: {}", swept.status().detail());
  }
  Pages pages(router, ctx, site);
  AddHomePage(pages);
  AddConsultationPages(pages);
  AddAgreementPages(pages);
  AddInfoPages(pages);
  AddMyPages(pages);
  AddRespondPages(pages);
  AddReceiptPages(pages);
  AddReportPublishPages(pages);
  AddManagePages(pages);
  AddDecisionPages(pages);
  AddAuditPages(pages);
  AddInboxPages(pages);
  AddEditorPages(pages);
  AddSignInPages(pages);
  pages.AddNotFound([](const PageCall&) -> Result<PageReply> {
    return NotFound("no page at this address", "page-not-found");
  });
  AddStaticRoute(router, site);
}

}  // namespace hoering::web
