// The seam between the transport and the application: a request goes in, a
// response comes out through the Responder, possibly later on another thread
// (appends complete on the store's completion thread). Handlers touch no sockets,
// so they are tested by calling Handle() directly.
#pragma once

#include <string>

#include "server/http/message.h"

namespace hoering::http {

struct RequestInfo {
  std::string remote_address;  // "127.0.0.1:53412"
  std::string request_id;      // assigned by the session, echoed as X-Request-Id
};

class Handler {
 public:
  virtual ~Handler() = default;
  // REQUIRES: `respond` is called exactly once (its respond or its stream).
  // Must not throw; must not block on I/O.
  virtual void Handle(Request request, const RequestInfo& info, Responder respond) = 0;
};

}  // namespace hoering::http
