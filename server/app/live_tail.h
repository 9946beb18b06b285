// GET /v1/events/live: a Server-Sent Events tail of the log. Sends every
// event from `from` on, then waits for commits and sends new ones, until the
// client goes away or the server shuts down. One frame per event:
//   id: <position>\nevent: <type>\ndata: <event JSON on one line>\n\n
// Thread-safe: Pump() may be called from the completion thread and from write
// completions at once; one pump runs at a time.
#pragma once

#include <memory>
#include <mutex>

#include "server/app/app_context.h"
#include "server/http/message.h"

namespace hoering::app {

class LiveTail : public std::enable_shared_from_this<LiveTail> {
 public:
  LiveTail(AppContext& ctx, std::shared_ptr<http::StreamWriter> writer, std::uint64_t from)
      : ctx_(ctx), writer_(std::move(writer)), next_(from == 0 ? 1 : from) {}

  // Sends what is there; when caught up, waits for the next commit.
  void Pump();

 private:
  AppContext& ctx_;
  std::shared_ptr<http::StreamWriter> writer_;
  std::mutex mu_;
  std::uint64_t next_;    // GUARDED_BY(mu_)
  bool writing_ = false;  // GUARDED_BY(mu_)
  bool again_ = false;    // GUARDED_BY(mu_): a wake-up came while writing
};

// The frame for one event (exposed for tests).
std::string SseFrame(const RecordedEvent& e);

}  // namespace hoering::app
