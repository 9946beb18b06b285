#include "storage/commit_planner.h"

#include <algorithm>

#include "domain/event_codec.h"

namespace hoering {
namespace {

std::string DescribeExpected(const ExpectedVersion& e) {
  switch (e.kind) {
    case ExpectedVersion::Kind::kAny:
      return "any";
    case ExpectedVersion::Kind::kNoStream:
      return "no stream";
    case ExpectedVersion::Kind::kExact:
      return "version " + std::to_string(e.version);
  }
  return "?";
}

bool ExpectationHolds(const ExpectedVersion& e, std::uint64_t current) {
  switch (e.kind) {
    case ExpectedVersion::Kind::kAny:
      return true;
    case ExpectedVersion::Kind::kNoStream:
      return current == 0;
    case ExpectedVersion::Kind::kExact:
      return current == e.version;
  }
  return false;
}

}  // namespace

Status CommitPlanner::Validate(const AppendRequest& r) {
  if (r.stream.empty()) return InvalidArgument("stream name is empty");
  if (r.stream.find('\0') != std::string::npos) return InvalidArgument("stream name contains NUL");
  if (r.events.empty()) return InvalidArgument("an append needs at least one event");
  for (const auto& e : r.events) {
    if (e.type.empty()) return InvalidArgument("event type is empty");
  }
  return Status::Ok();
}

std::string CommitPlanner::CanonicalJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void CommitPlanner::Prepare(AppendRequest& request) {
  for (auto& e : request.events) {
    if (e.data_text.empty()) {
      e.data_text = CanonicalJson(e.data);
      e.data = nullptr;
    }
  }
}

CommitPlan CommitPlanner::Plan(const std::vector<const AppendRequest*>& requests,
                               const HeadInfo& head, std::int64_t head_recorded_at_ms,
                               std::int64_t now_ms, const CommittedState& state) {
  CommitPlan plan;
  plan.head = head;
  const std::int64_t recorded_at = std::max(now_ms, head_recorded_at_ms);

  auto current_version = [&](const std::string& stream) {
    auto it = plan.stream_versions.find(stream);
    return it != plan.stream_versions.end() ? it->second : state.stream_version(stream);
  };
  auto find_key = [&](const std::string& key) -> std::optional<IdempotencyRecord> {
    auto it = plan.idempotency.find(key);
    if (it != plan.idempotency.end()) return it->second;
    return state.idempotency(key);
  };

  for (const AppendRequest* req : requests) {
    PlannedAppend out;
    if (Status s = Validate(*req); !s.ok()) {
      out.result = s;
      plan.appends.push_back(std::move(out));
      continue;
    }
    const std::string& key = req->context.idempotency_key;
    if (!key.empty()) {
      if (auto seen = find_key(key)) {
        if (seen->fingerprint != req->idempotency_fingerprint) {
          out.result = RefusalStatus(
              AppendRefusal::kIdempotencyKeyReused,
              "Idempotency-Key '" + key + "' was already used for a different request");
        } else {
          AppendResult dup = seen->result;
          dup.duplicate = true;
          out.result = dup;
        }
        plan.appends.push_back(std::move(out));
        continue;
      }
    }
    if (req->commit_before && recorded_at >= *req->commit_before) {
      out.result = RefusalStatus(AppendRefusal::kDeadlinePassed,
                                 "the append would commit at or after its deadline");
      plan.appends.push_back(std::move(out));
      continue;
    }
    if (req->decided_on) {
      const StreamAt& read = *req->decided_on;
      if (const std::uint64_t now_at = current_version(read.stream); now_at != read.version) {
        out.result = RefusalStatus(
            AppendRefusal::kDecidedOnChanged,
            "stream '" + read.stream + "' is at version " + std::to_string(now_at) +
                ", the append was decided on version " + std::to_string(read.version));
        plan.appends.push_back(std::move(out));
        continue;
      }
    }
    const std::uint64_t version = current_version(req->stream);
    if (!ExpectationHolds(req->expected, version)) {
      out.result =
          RefusalStatus(AppendRefusal::kWrongExpectedVersion,
                        "stream '" + req->stream + "' is at version " + std::to_string(version) +
                            ", expected " + DescribeExpected(req->expected));
      plan.appends.push_back(std::move(out));
      continue;
    }

    out.first_event = plan.events.size();
    out.event_count = req->events.size();
    std::uint64_t v = version;
    for (const NewEvent& ne : req->events) {
      RecordedEvent e;
      e.position = plan.head.position + 1;
      e.stream = req->stream;
      e.stream_version = ++v;
      e.type = ne.type;
      e.schema_version = ne.schema_version;
      e.recorded_at_ms = recorded_at;
      e.actor = req->context.actor;
      e.correlation_id = req->context.correlation_id;
      e.idempotency_key = key;
      e.data = ne.data_text.empty() ? CanonicalJson(ne.data) : ne.data_text;
      SealEvent(e, plan.head.hash);
      plan.head = {e.position, e.hash};
      plan.events.push_back(std::move(e));
    }
    plan.stream_versions[req->stream] = v;
    AppendResult res;
    res.first_position = plan.events[out.first_event].position;
    res.last_position = plan.head.position;
    res.stream_version = v;
    res.last_hash = plan.head.hash;
    if (!key.empty()) plan.idempotency[key] = {req->idempotency_fingerprint, res};
    out.result = res;
    plan.appends.push_back(std::move(out));
  }
  return plan;
}

}  // namespace hoering
