// What every page needs besides the app: the built-in static files, the
// message catalogue and the templates. Built once at start (App), read-only.
#pragma once

#include "server/web/catalogue.h"
#include "server/web/static_assets.h"
#include "server/web/templates.h"

namespace hoering::web {

struct Site {
  StaticAssets assets;
  Catalogue catalogue;
  Templates templates;
};

}  // namespace hoering::web
