#include "server/app/checkpoint.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <map>

#include "domain/sha256.h"
#include "domain/snapshot/snapshot_sink.h"
#include "domain/snapshot/snapshot_source.h"

namespace hoering::app {
namespace {

using nlohmann::json;

Status Stale(const std::string& why) {
  return Conflict("checkpoint not usable: " + why, "checkpoint-stale");
}
Status Damaged(const std::string& why) {
  return Status(Code::kCorruption, "checkpoint damaged: " + why, "checkpoint-corrupt");
}

// Stale unless the log holds an event at `position` whose hash is `hex_hash`.
Status CheckLogHolds(const EventStore& store, std::uint64_t position, const std::string& hex_hash) {
  auto at = store.ReadAll(position, 1);
  if (!at.ok()) return at.status();
  if (at->empty() || at->front().position != position) {
    return Stale("the log has no event at position " + std::to_string(position));
  }
  if (ToHex(at->front().hash) != hex_hash) {
    return Stale("the event at position " + std::to_string(position) + " has another hash");
  }
  return Status::Ok();
}

// Appends the CBOR of `view`'s snapshot to `out`: entry by entry when the
// view writes its snapshot so (the large ones), else from its JSON document.
template <typename View>
void AppendPart(const View& view, std::string& out) {
  if constexpr (requires(snapshot::SnapshotSink & sink) { view.WriteSnapshot(sink); }) {
    snapshot::CborSnapshotSink sink(out);
    view.WriteSnapshot(sink);
  } else {
    json::to_cbor(view.Snapshot(), out);
  }
}

// Restores `view` from its part: read entry by entry from the CBOR
// (domain/snapshot/snapshot_source.h), never as one JSON document of the
// whole view. A malformed part is "checkpoint damaged: part '<name>': ...".
template <typename View>
Status RestorePart(const char* name, std::string_view bytes, View& out) {
  snapshot::CborSnapshotSource in(bytes);
  auto view = snapshot::ReadWhole<View>(in, name);
  if (!view.ok()) return Damaged(std::string("part '") + name + "': " + view.status().detail());
  out = std::move(view).value();
  return Status::Ok();
}

}  // namespace

std::string EncodeCheckpoint(const projections::Views& views, std::uint64_t position,
                             const Hash& event_hash) {
  std::string body;
  json part_list = json::array();
  auto append = [&](const char* name, const auto& view) {
    const std::size_t before = body.size();
    AppendPart(view, body);
    part_list.push_back({{"view", name}, {"bytes", body.size() - before}});
  };
  views.ForEach(append);
  json header = {{"format", projections::kSnapshotFormat},
                 {"position", position},
                 {"event_hash", ToHex(event_hash)},
                 {"body_sha256", ToHex(Sha256(body))},
                 {"parts", std::move(part_list)}};
  std::string out = header.dump();
  out.reserve(out.size() + 1 + body.size());
  out += '\n';
  out += body;
  return out;
}

Result<CheckpointHeader> DecodeCheckpointHeader(std::string_view bytes) {
  const auto nl = bytes.find('\n');
  if (nl == std::string::npos) return Damaged("no header");
  json j =
      json::parse(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(nl), nullptr, false);
  if (!j.is_object()) return Damaged("the header is not JSON");
  try {
    CheckpointHeader h;
    h.format = j.at("format").get<int>();
    h.position = j.at("position").get<std::uint64_t>();
    h.event_hash = j.at("event_hash").get<std::string>();
    h.body_sha256 = j.at("body_sha256").get<std::string>();
    for (const auto& p : j.at("parts")) {
      h.parts.emplace_back(p.at("view").get<std::string>(), p.at("bytes").get<std::uint64_t>());
    }
    h.body_offset = nl + 1;
    return h;
  } catch (const std::exception& e) {
    return Damaged(std::string("header: ") + e.what());
  }
}

Result<projections::Views> DecodeCheckpoint(std::string_view bytes, const EventStore& store,
                                            CheckpointHeader* header_out) {
  auto header = DecodeCheckpointHeader(bytes);
  if (!header.ok()) return header.status();
  const CheckpointHeader& h = *header;
  if (header_out) *header_out = h;
  if (h.format != projections::kSnapshotFormat) {
    return Stale("format " + std::to_string(h.format) + ", this server writes " +
                 std::to_string(projections::kSnapshotFormat));
  }
  if (h.position == 0) return Stale("position 0");
  if (Status s = CheckLogHolds(store, h.position, h.event_hash); !s.ok()) return s;
  const std::string_view body = bytes.substr(h.body_offset);
  std::map<std::string, std::string_view> part;
  std::size_t offset = 0;
  for (const auto& [name, size] : h.parts) {
    if (size > body.size() - offset) return Damaged("part '" + name + "' runs past the end");
    part[name] = body.substr(offset, size);
    offset += size;
  }
  projections::Views v;
  std::string missing;  // the first view without a part
  v.ForEach([&](const char* name, auto&) {
    if (missing.empty() && !part.count(name)) missing = name;
  });
  if (!missing.empty()) return Damaged("no part '" + missing + "'");
  // The body's hash check and the parts' decoding are tasks, largest first,
  // which this thread and one other take in turn (the decoding is most of a
  // start: BM_RestoreStages in bench/projections_bench.cpp).
  struct Task {
    std::size_t cost;  // bytes, about
    std::function<Status()> run;
  };
  std::vector<Task> tasks;  // tasks[0]: the body's hash
  tasks.push_back({body.size() / 8, [&] {
                     return ToHex(Sha256(body)) == h.body_sha256
                                ? Status::Ok()
                                : Damaged("the body does not match its hash");
                   }});
  v.ForEach([&](const char* name, auto& view) {
    tasks.push_back({part[name].size(),
                     [name, bytes = part[name], &view] { return RestorePart(name, bytes, view); }});
  });
  std::vector<std::size_t> order(tasks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return tasks[a].cost > tasks[b].cost; });
  std::vector<Status> done(tasks.size(), Status::Ok());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < order.size();) {
      done[order[i]] = tasks[order[i]].run();
    }
  };
  auto other = std::async(std::launch::async, work);
  work();
  other.get();
  // The body's hash first: it explains whatever the damaged parts decoded to.
  for (const Status& s : done) {
    if (!s.ok()) return s;
  }
  return v;
}

std::string EncodeCheckpointThrough(const CheckpointHeader& snapshot, std::uint64_t through,
                                    const Hash& event_hash) {
  return json{{"snapshot_position", snapshot.position},
              {"snapshot_sha256", snapshot.body_sha256},
              {"through", through},
              {"event_hash", ToHex(event_hash)}}
      .dump();
}

Result<std::uint64_t> DecodeCheckpointThrough(const std::string& bytes,
                                              const CheckpointHeader& snapshot,
                                              const EventStore& store) {
  json j = json::parse(bytes, nullptr, false);
  std::uint64_t through = 0;
  std::string event_hash;
  try {
    if (!j.is_object()) return Damaged("the marker is not a JSON object");
    if (j.at("snapshot_position").get<std::uint64_t>() != snapshot.position ||
        j.at("snapshot_sha256").get<std::string>() != snapshot.body_sha256) {
      return Stale("the marker names another snapshot");
    }
    through = j.at("through").get<std::uint64_t>();
    event_hash = j.at("event_hash").get<std::string>();
  } catch (const std::exception& e) {
    return Damaged(std::string("marker: ") + e.what());
  }
  if (through <= snapshot.position) return Damaged("the marker does not go past its snapshot");
  if (Status s = CheckLogHolds(store, through, event_hash); !s.ok()) return s;
  return through;
}

}  // namespace hoering::app
