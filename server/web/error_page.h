// Error pages: the status the API would answer for the same refusal, a
// heading and explanation in the reader's language (by problem type when the
// catalogue has one under `problems`, else by HTTP status), and the API's
// detail as the technical reason.
#pragma once

#include "domain/status.h"
#include "server/http/message.h"
#include "server/web/layout.h"

namespace hoering::web {

http::Response RenderErrorPage(const LayoutContext& layout, const Status& status);

}  // namespace hoering::web
