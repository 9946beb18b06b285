// The state of one agreement: a fold (evolve) over its stream's events.
//
// Apply() is linear in the size of each event: a change set's ops are applied
// in place (no copy of the text per event); a version copies the text once
// when FoldOptions::keep_version_texts is set, and hashes it once when
// verify_version_hashes is set. Not thread-safe; a folded state is a value and
// may be copied (copies share the immutable version texts).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/agreement_events.h"
#include "domain/agreements/section_rules.h"
#include "domain/agreements/section_tree.h"
#include "domain/event.h"
#include "domain/status.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::agreements {

struct FoldOptions {
  // Keep a copy of the text of every published version (VersionInfo::text).
  // Default true: diffs between versions then need no refold.
  bool keep_version_texts = true;
  // Recompute the hash of the text at every VersionPublished and fail with
  // kCorruption when it differs from the recorded one. Default true.
  bool verify_version_hashes = true;
  // Keep the ops of every change set (ChangeSetInfo::data.ops). Default true;
  // without them a change set is its metadata (id, rationale, cites,
  // position), and its ops are read from the log when shown.
  bool keep_change_ops = true;
};

struct VersionInfo {
  std::uint32_t number = 0;
  std::string label;
  std::optional<std::string> note;
  std::string hash;
  std::uint64_t changes = 0;  // change sets recorded before it
  std::uint64_t position = 0;
  std::uint64_t stream_version = 0;
  std::int64_t recorded_at_ms = 0;
  Actor actor;
  std::shared_ptr<const SectionTree> text;  // null unless keep_version_texts
};

struct ChangeSetInfo {
  ChangeSetRecorded data;  // change id, rationale, cites, ops, source
  std::uint64_t position = 0;
  std::uint64_t stream_version = 0;
  std::int64_t recorded_at_ms = 0;
  Actor actor;
  std::string correlation_id;
  const std::string& id() const { return data.change; }
};

class AgreementState {
 public:
  explicit AgreementState(FoldOptions options = {}) : options_(options) {}

  // evolve. Events of unknown types only advance version(). A non-ok result
  // (always kCorruption) means the stream cannot be folded; the state is then
  // undefined.
  Status Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  Status Apply(const RecordedEvent& e);
  // Folds events in order; the first failure is returned.
  static Result<AgreementState> Fold(std::span<const RecordedEvent> events,
                                     FoldOptions options = {});

  bool exists() const { return exists_; }
  const AgreementCreated& info() const { return info_; }
  std::int64_t created_at_ms() const { return created_at_ms_; }
  std::uint64_t created_position() const { return created_position_; }

  const SectionTree& text() const { return text_; }
  const IdSet& used_ids() const { return used_ids_; }  // every section id ever added

  const std::vector<VersionInfo>& versions() const { return versions_; }
  const VersionInfo* latest_version() const {
    return versions_.empty() ? nullptr : &versions_.back();
  }
  const VersionInfo* FindVersion(std::uint32_t number) const;
  const VersionInfo* FindVersionByLabel(std::string_view label) const;

  const std::vector<ChangeSetInfo>& change_sets() const { return change_sets_; }
  const ChangeSetInfo* FindChangeSet(std::string_view change_id) const;
  std::string NextChangeId() const { return "c-" + std::to_string(change_sets_.size() + 1); }

  std::uint64_t version() const { return stream_version_; }       // stream version folded
  std::uint64_t last_position() const { return last_position_; }  // 0 before any event
  std::int64_t last_recorded_at_ms() const { return last_recorded_at_ms_; }
  const FoldOptions& options() const { return options_; }

  // TextHash(text()); computed on each call.
  std::string CurrentHash() const;

  // The canonical JSON of the whole state (domain/snapshot/snapshot_json.h);
  // version texts are written once each. FromSnapshot() restores it exactly
  // (kCorruption on a bad shape) with the given fold options.
  nlohmann::json Snapshot() const;
  static Result<AgreementState> FromSnapshot(const nlohmann::json& j, FoldOptions options = {});

 private:
  Status ApplyCreated(const RecordedEvent& e, const AgreementCreated& data);
  Status ApplyChangeSet(const RecordedEvent& e, const ChangeSetRecorded& data);
  Status ApplyVersion(const RecordedEvent& e, const VersionPublished& data);

  FoldOptions options_;
  bool exists_ = false;
  AgreementCreated info_;
  std::int64_t created_at_ms_ = 0;
  std::uint64_t created_position_ = 0;
  SectionTree text_;
  IdSet used_ids_;
  std::vector<VersionInfo> versions_;
  std::vector<ChangeSetInfo> change_sets_;
  std::uint64_t stream_version_ = 0;
  std::uint64_t last_position_ = 0;
  std::int64_t last_recorded_at_ms_ = 0;
};

}  // namespace hoering::agreements
