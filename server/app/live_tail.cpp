#include "server/app/live_tail.h"

#include "domain/event_codec.h"
#include "server/http/problem.h"

namespace hoering::app {

std::string SseFrame(const RecordedEvent& e) {
  return "id: " + std::to_string(e.position) + "\nevent: " + e.type +
         "\ndata: " + http::DumpJson(EventToJson(e)) + "\n\n";
}

void LiveTail::Pump() {
  std::uint64_t from;
  {
    std::lock_guard lock(mu_);
    if (writing_) {
      again_ = true;
      return;
    }
    writing_ = true;
    from = next_;
  }
  if (writer_->Closed()) return;
  auto page = ctx_.log.ReadAll(from, 256);
  if (!page.ok() || page->empty()) {
    {
      std::lock_guard lock(mu_);
      writing_ = false;
      again_ = false;
    }
    // Register first, then re-check: a commit between the read and the
    // registration would otherwise be missed.
    ctx_.notifier.Once([self = shared_from_this()] { self->Pump(); });
    if (ctx_.log.Head().position >= from) Pump();
    return;
  }
  std::string chunk;
  for (const auto& e : *page) chunk += SseFrame(e);
  const std::uint64_t after = page->back().position + 1;
  writer_->Write(std::move(chunk), [self = shared_from_this(), after](bool ok) {
    if (!ok) return;  // the peer left or the server is stopping
    {
      std::lock_guard lock(self->mu_);
      self->next_ = after;
      self->writing_ = false;
      self->again_ = false;
    }
    self->Pump();
  });
}

}  // namespace hoering::app
