#include "domain/agreements/agreement_state.h"

#include "domain/agreements/apply_ops.h"
#include "domain/agreements/text_json.h"
#include "domain/decimal.h"
#include "domain/events/decoded_event.h"

namespace hoering::agreements {
namespace {

Status Corrupt(const RecordedEvent& e, const std::string& why) {
  return Status(Code::kCorruption,
                "event at position " + std::to_string(e.position) + " (" + e.type + "): " + why,
                "corruption");
}

}  // namespace

Status AgreementState::Apply(const RecordedEvent& e) {
  return Apply(events::DecodeEvent(e));
}

Status AgreementState::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  stream_version_ = e.stream_version;
  last_position_ = e.position;
  last_recorded_at_ms_ = e.recorded_at_ms;
  if (e.type != kAgreementCreated && e.type != kChangeSetRecorded && e.type != kVersionPublished) {
    return Status::Ok();
  }
  if (e.type != kAgreementCreated && !exists_) {
    return Corrupt(e, "the agreement was not created first");
  }
  if (!d.payload.ok()) return Corrupt(e, d.payload.status().detail());
  if (const auto* created = d.As<AgreementCreated>()) return ApplyCreated(e, *created);
  if (const auto* change = d.As<ChangeSetRecorded>()) return ApplyChangeSet(e, *change);
  return ApplyVersion(e, std::get<VersionPublished>(d.payload.value()));
}

Status AgreementState::ApplyCreated(const RecordedEvent& e, const AgreementCreated& data) {
  if (exists_) return Corrupt(e, "the agreement was already created");
  info_ = data;
  exists_ = true;
  created_at_ms_ = e.recorded_at_ms;
  created_position_ = e.position;
  return Status::Ok();
}

Status AgreementState::ApplyChangeSet(const RecordedEvent& e, const ChangeSetRecorded& data) {
  ChangeSetInfo info{data,    e.position,      e.stream_version, e.recorded_at_ms,
                     e.actor, e.correlation_id};
  if (Status s = ApplyOps(text_, info.data.ops, used_ids_, ApplyMode::kReplay); !s.ok()) {
    return Corrupt(e, s.detail());
  }
  for (const auto& op : info.data.ops) {
    if (op.type == OpType::kAdd) used_ids_.insert(op.id);
  }
  if (!options_.keep_change_ops) info.data.ops = {};
  change_sets_.push_back(std::move(info));
  return Status::Ok();
}

Status AgreementState::ApplyVersion(const RecordedEvent& e, const VersionPublished& data) {
  VersionPublished v = data;
  if (v.number != versions_.size() + 1) {
    return Corrupt(e, "version " + std::to_string(v.number) + " does not follow " +
                          std::to_string(versions_.size()));
  }
  if (options_.verify_version_hashes) {
    std::string hash = CurrentHash();
    if (hash != v.hash) {
      return Corrupt(e, "recorded hash " + v.hash + " differs from the text's hash " + hash);
    }
  }
  VersionInfo info;
  info.number = v.number;
  info.label = std::move(v.label);
  info.note = std::move(v.note);
  info.hash = std::move(v.hash);
  info.changes = change_sets_.size();
  info.position = e.position;
  info.stream_version = e.stream_version;
  info.recorded_at_ms = e.recorded_at_ms;
  info.actor = e.actor;
  if (options_.keep_version_texts) info.text = std::make_shared<const SectionTree>(text_);
  versions_.push_back(std::move(info));
  return Status::Ok();
}

Result<AgreementState> AgreementState::Fold(std::span<const RecordedEvent> events,
                                            FoldOptions options) {
  AgreementState state(options);
  state.change_sets_.reserve(events.size());
  for (const auto& e : events) {
    if (Status s = state.Apply(e); !s.ok()) return s;
  }
  return state;
}

const VersionInfo* AgreementState::FindVersion(std::uint32_t number) const {
  if (number == 0 || number > versions_.size()) return nullptr;
  return &versions_[number - 1];
}

const VersionInfo* AgreementState::FindVersionByLabel(std::string_view label) const {
  for (const auto& v : versions_) {
    if (v.label == label) return &v;
  }
  return nullptr;
}

const ChangeSetInfo* AgreementState::FindChangeSet(std::string_view change_id) const {
  if (change_id.size() < 3 || change_id.substr(0, 2) != "c-") return nullptr;
  const std::optional<std::size_t> n = ParseDecimal<std::size_t>(change_id.substr(2));
  if (!n || *n == 0 || *n > change_sets_.size()) return nullptr;
  const ChangeSetInfo& c = change_sets_[*n - 1];
  return c.id() == change_id ? &c : nullptr;
}

std::string AgreementState::CurrentHash() const {
  return TextHash(text_);
}

}  // namespace hoering::agreements
