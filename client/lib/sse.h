// Incremental parser for a text/event-stream body (WHATWG HTML, "Server-sent
// events", section 9.2.6). Bytes may arrive split anywhere, even inside a
// CRLF; an event is delivered when its terminating blank line arrives.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hoering::client {

struct SseEvent {
  std::string id;                      // the last event id seen on the stream ("" if none)
  std::string event = "message";       // the "event:" field, "message" when absent
  std::string data;                    // "data:" lines joined by '\n', no trailing '\n'
  std::optional<std::uint64_t> retry;  // "retry:" in ms, when this event carried one
};

// Not thread-safe; one per stream.
class SseParser {
 public:
  using Sink = std::function<void(const SseEvent&)>;

  // Consumes `bytes`, calling `sink` once per completed event, in order.
  // Comment lines (":...") and unknown fields are ignored; an event with no
  // data lines is not dispatched (as the spec says), but its id still counts.
  void Feed(std::string_view bytes, const Sink& sink);

  // The id to send as Last-Event-ID when reconnecting.
  const std::string& last_event_id() const { return last_id_; }

 private:
  void Consume(std::string_view bytes, const Sink& sink);
  void Line(std::string_view line, const Sink& sink);

  std::string prefix_;  // first bytes, until the BOM check is done

  std::string line_;      // the current, unterminated line
  bool skip_lf_ = false;  // the previous chunk ended in '\r'
  bool bom_checked_ = false;
  std::string last_id_;
  std::string event_;
  std::string data_;
  bool has_data_ = false;
  std::optional<std::uint64_t> retry_;
};

}  // namespace hoering::client
