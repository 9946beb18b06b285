#include "client/lib/sse.h"

#include "domain/decimal.h"

namespace hoering::client {

void SseParser::Feed(std::string_view bytes, const Sink& sink) {
  if (!bom_checked_) {
    // A UTF-8 byte order mark may only appear at the very start; hold the
    // first bytes back until it is clear whether they are one.
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    prefix_.append(bytes);
    if (prefix_.size() < kBom.size() && kBom.starts_with(prefix_)) return;
    bom_checked_ = true;
    std::string all = std::move(prefix_);
    prefix_.clear();
    if (all.starts_with(kBom)) all.erase(0, kBom.size());
    Consume(all, sink);
    return;
  }
  Consume(bytes, sink);
}

void SseParser::Consume(std::string_view bytes, const Sink& sink) {
  for (char c : bytes) {
    if (skip_lf_) {
      skip_lf_ = false;
      if (c == '\n') continue;
    }
    if (c == '\r' || c == '\n') {
      skip_lf_ = (c == '\r');
      Line(line_, sink);
      line_.clear();
    } else {
      line_.push_back(c);
    }
  }
}

void SseParser::Line(std::string_view line, const Sink& sink) {
  if (line.empty()) {  // dispatch
    if (has_data_) {
      SseEvent e;
      e.id = last_id_;
      if (!event_.empty()) e.event = event_;
      e.data = data_;
      e.retry = retry_;
      sink(e);
    }
    event_.clear();
    data_.clear();
    has_data_ = false;
    retry_.reset();
    return;
  }
  if (line.front() == ':') return;  // comment (keep-alive)
  std::string_view field = line, value;
  if (auto colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  } else if (field == "event") {
    event_.assign(value);
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) last_id_.assign(value);
  } else if (field == "retry") {
    if (auto ms = ParseDecimal<std::uint64_t>(value)) retry_ = *ms;
  }
}

}  // namespace hoering::client
