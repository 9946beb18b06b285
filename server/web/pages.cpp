#include "server/web/pages.h"

#include "server/web/sign_in.h"

namespace hoering::web {

const Site& TheSite() {
  static const Site site;
  return site;
}

void AddWebPages(http::Router& router, app::AppContext& ctx) {
  const Site& site = TheSite();
  Pages pages(router, ctx, site);
  AddHomePage(pages);
  AddConsultationPages(pages);
  AddAgreementPages(pages);
  AddInfoPages(pages);
  AddSignInPages(pages);
  pages.AddNotFound([](const PageCall&) -> Result<PageReply> {
    return NotFound("no page at this address", "page-not-found");
  });
  AddStaticRoute(router, site);
}

}  // namespace hoering::web
