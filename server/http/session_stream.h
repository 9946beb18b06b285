// The StreamWriter a Session hands to a StreamReply's producer. It holds the
// session weakly: once the connection is gone, Write() completes with false.
//
// Thread safety: Write(), Close() and Closed() may be called from any thread;
// they post onto the session's strand. A `done` callback runs on the strand
// (or on the caller's thread when the writer is already closed) and may call
// Write() again.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "server/http/message.h"
#include "server/http/session_registry.h"

namespace hoering::http {

class Session;

class SessionStreamWriter final : public StreamWriter {
 public:
  SessionStreamWriter(std::weak_ptr<Session> session, std::shared_ptr<SessionRegistry> registry);
  // Ends the stream (as Abort()) if the producer did not.
  ~SessionStreamWriter() override;

  void Write(std::string chunk, std::function<void(bool ok)> done) override;
  void Close() override;
  void Abort() override;
  bool Closed() const override;

  // Called by the session (on its strand) when the connection fails or the
  // server shuts down.
  void MarkClosed() { closed_.store(true); }

 private:
  // Posts fn(session) onto the session's strand; false if the session or the
  // server is gone.
  bool Post(std::function<void(Session&)> fn);
  void End(bool complete);

  std::weak_ptr<Session> session_;
  std::shared_ptr<SessionRegistry> registry_;
  std::atomic<bool> closed_{false};
  std::atomic<bool> close_requested_{false};
};

}  // namespace hoering::http
