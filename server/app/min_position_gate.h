// X-Min-Position (api.md "Conventions"): a read sent with X-Min-Position: <p>
// reflects at least the write committed at p. Read views are updated before
// a write is acknowledged, so for any acknowledged position this holds at
// once; the gate only covers the instant between the store's head moving and
// the read views applying the batch (it waits for the next commit
// notification). A position beyond the log's head names no write yet: 412
// "min-position-not-reached". Malformed values: 400.
//
// Thread safety: Handle() may be called concurrently.
#pragma once

#include "server/app/app_context.h"
#include "server/http/handler.h"

namespace hoering::app {

class MinPositionGate : public http::Handler {
 public:
  MinPositionGate(AppContext& ctx, http::Handler& inner) : ctx_(ctx), inner_(inner) {}
  void Handle(http::Request request, const http::RequestInfo& info,
              http::Responder respond) override;

 private:
  AppContext& ctx_;
  http::Handler& inner_;
};

}  // namespace hoering::app
