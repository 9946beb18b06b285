// The random history's writing side (history_writer.h).
#include "tests/support/random_history/history_writer.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "tests/support/event_log_builder.h"

namespace hoering::testdata::history {

HistoryWriter::HistoryWriter(EventStore& store, Rng& rng, std::size_t in_flight)
    : commands_(store), rng_(rng), in_flight_limit_(in_flight) {}

std::vector<RecordedEvent> HistoryWriter::Write(const std::string& stream,
                                                std::vector<NewEvent> events, const Actor& actor,
                                                TimeMs at, const std::vector<std::string>& reads,
                                                bool idempotent,
                                                std::optional<StreamAt> decided_on) {
  std::uint64_t& version = versions_[stream];
  commands::Command cmd;
  cmd.stream = stream;
  cmd.expected = version == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exact(version);
  cmd.decided_on = std::move(decided_on);
  commands::CommandMeta meta;
  meta.actor = actor;
  meta.correlation_id = "req-" + rng_.Hex(16);
  // The generator knows every version it writes on: a conflict is a bug here.
  meta.on_conflict = commands::OnConflict::kRefuse;
  std::vector<RecordedEvent> local;
  std::vector<std::string> types;
  for (NewEvent& e : events) {
    e.data_text = e.data.dump();
    local.push_back(
        hoering::testing::RecordAs(e, {++local_position_, stream, ++version, at, actor}));
    types.push_back(e.type);
  }
  if (idempotent) {
    meta.idempotency = commands::IdempotencyKey::For(actor.token_id, rng_.Hex(32),
                                                     "generated " + stream, local.front().data);
  }
  planned_ += events.size();
  cmd.events = std::move(events);
  Dispatch({std::move(meta), std::move(cmd), std::move(types), reads});
  return local;
}

std::size_t HistoryWriter::Limit() const {
  return std::max<std::size_t>(1, in_flight_limit_);
}

void HistoryWriter::Dispatch(Queued q) {
  std::unique_lock lock(mu_);
  if (!error_.ok()) return;
  queue_.push_back(std::move(q));
  Pump(lock, [&] { return !error_.ok() || queue_.size() < Limit(); });
}

template <typename Done>
void HistoryWriter::Pump(std::unique_lock<std::mutex>& lock, Done done) {
  for (;;) {
    std::vector<Queued> ready = TakeReady();
    if (!ready.empty()) {
      lock.unlock();
      for (Queued& q : ready) Send(std::move(q));
      lock.lock();
      continue;
    }
    if (done()) return;
    cv_.wait(lock);
  }
}

// A queued append also holds back later writes to the streams it read, so its
// decided_on still holds when it is sent.
std::vector<HistoryWriter::Queued> HistoryWriter::TakeReady() {
  std::vector<Queued> out;
  if (!error_.ok()) {
    queue_.clear();
    return out;
  }
  std::unordered_set<std::string> blocked;  // streams of appends still queued
  auto free = [&](const std::string& s) { return !busy_.count(s) && !blocked.count(s); };
  for (auto it = queue_.begin(); it != queue_.end() && in_flight_ < Limit();) {
    if (free(it->cmd.stream) && std::all_of(it->reads.begin(), it->reads.end(), free)) {
      ++busy_[it->cmd.stream];
      ++in_flight_;
      out.push_back(std::move(*it));
      it = queue_.erase(it);
    } else {
      blocked.insert(it->cmd.stream);
      blocked.insert(it->reads.begin(), it->reads.end());
      ++it;
    }
  }
  return out;
}

// The decision was taken on the generator's local states, so deciding again
// gives the same.
void HistoryWriter::Send(Queued q) {
  const std::string stream = q.cmd.stream;
  commands::Decide decide = [cmd = std::move(q.cmd),
                             decided = false]() mutable -> Result<commands::Command> {
    if (decided) {
      return Status(Code::kInternal, "the generator's decision on '" + cmd.stream +
                                         "' went stale (a stream it read moved on)");
    }
    decided = true;
    return cmd;
  };
  commands_.Execute(std::move(q.meta), std::move(decide),
                    [this, stream, types = std::move(q.types)](Result<commands::Written> r) {
                      std::lock_guard lock(mu_);
                      if (auto it = busy_.find(stream); it != busy_.end() && --it->second == 0)
                        busy_.erase(it);
                      --in_flight_;
                      if (!r.ok()) {
                        if (error_.ok()) {
                          error_ = Status(r.status().code(),
                                          "append to '" + stream + "': " + r.status().detail(),
                                          r.status().type());
                        }
                      } else {
                        ++stats_.appends;
                        stats_.events += types.size();
                        for (const auto& t : types) ++stats_.by_type[t];
                      }
                      cv_.notify_all();
                    });
}

bool HistoryWriter::Failed() {
  std::lock_guard lock(mu_);
  return !error_.ok();
}

Result<HistoryStats> HistoryWriter::Finish() {
  std::unique_lock lock(mu_);
  Pump(lock, [&] { return in_flight_ == 0 && (queue_.empty() || !error_.ok()); });
  if (!error_.ok()) return error_;
  return stats_;
}

}  // namespace hoering::testdata::history
