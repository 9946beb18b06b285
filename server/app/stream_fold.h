// Folding one stream of the log into a state, at the moment a caller needs
// it (a decision, or a response a request reads): the state's
// Apply(const events::DecodedEvent&) is fed every event of the stream in
// order, each decoded once (domain/events/decoded_event.h).
#pragma once

#include <string>

#include "domain/events/decoded_event.h"
#include "storage/event_store.h"

namespace hoering::app {

// Folds every event of `stream` into `state`; the first Apply() error (a
// corruption) or read error stops the fold and is returned. `bytes`, when
// given, gains the size of the events' data folded.
template <typename State>
Status FoldStream(const EventLog& log, const std::string& stream, State& state,
                  std::size_t* bytes = nullptr) {
  constexpr std::size_t kPage = 256;
  for (std::uint64_t from = 1;; from += kPage) {
    auto page = log.ReadStream(stream, from, kPage);
    if (!page.ok()) return page.status();
    for (const RecordedEvent& e : *page) {
      if (Status s = state.Apply(events::DecodeEvent(e)); !s.ok()) return s;
      if (bytes != nullptr) *bytes += e.data.size();
    }
    if (page->size() < kPage) return Status::Ok();
  }
}

// FoldStream() of the events at global positions <= `up_to` only: the
// stream as it stood when the log's head was at `up_to` (the record as of a
// position, server/app/record_as_of.h). The same Apply() folds it; events
// after `up_to` are not applied.
template <typename State>
Status FoldStreamUpTo(const EventLog& log, const std::string& stream, std::uint64_t up_to,
                      State& state, std::size_t* bytes = nullptr) {
  struct UpTo {
    State& state;
    std::uint64_t up_to;
    Status Apply(const events::DecodedEvent& e) {
      return e.envelope.position > up_to ? Status::Ok() : state.Apply(e);
    }
  } fold{state, up_to};
  return FoldStream(log, stream, fold, bytes);
}

}  // namespace hoering::app
