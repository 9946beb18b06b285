// The frame of every page (templates/layout.mustache): the design system's
// header with the language switch, the main landmark holding the page, the
// footer with the accessibility statement. Pages and error pages are
// rendered through here, so every page has the same landmarks, skip link and
// assets.
#pragma once

#include <optional>
#include <string>

#include "domain/status.h"
#include "domain/time.h"
#include "server/http/message.h"
#include "server/web/language.h"
#include "server/web/page.h"
#include "server/web/site.h"

namespace hoering::web {

// A signed-in reader, for the header (name, sign-out) and the session notice.
struct SessionView {
  std::string name;       // the party's name, or the role ("secretariat")
  bool is_party = false;  // name is a party's (else a role to translate)
  TimeMs expires_at = 0;  // the session ends then unless the reader acts
};

struct LayoutContext {
  const Site& site;
  Language lang;
  const std::string& csrf;
  const http::Request& req;
  std::optional<SessionView> session;
};

// The page's template rendered with its data plus `t` (the catalogue),
// `lang` and `csrf`, inside the layout, as an HTML response with the page's
// status. A template defect (a bug, caught by the template tests) is logged
// and answered with a minimal error page.
http::Response RenderPage(const LayoutContext& layout, const HtmlPage& page);

// The switch's link: "?<the request's query with lang=<lang>>", relative to
// the page (never another host), without a sign-in `token`.
std::string WithLanguage(const http::Request& req, Language lang);

}  // namespace hoering::web
