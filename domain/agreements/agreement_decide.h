// Commands on an agreement (decide): request parsing and the decisions.
//
// Pipeline (architecture.md): load "agreement-<id>" -> AgreementState::Fold ->
// Decide*(state, command) -> append the events with the expected version
// state.version() (0 = no stream for create). Pure: no clock, no I/O.
//
// Errors (Status code, problem type):
//   Parse*            400 kInvalidArgument  "invalid-field" | "malformed-op" | "invalid-id"
//   DecideCreate      409 kAlreadyExists    "agreement-exists"
//                     422 kUnprocessable    "unknown-party"
//   DecideChange      404 kNotFound         "agreement-not-found"
//                     422 kUnprocessable    "invalid-op" | "empty-change-set" | "too-many-ops"
//                     412 kPreconditionFailed "section-changed" (an op's
//                         if_body_sha256 differs: body_condition.h)
//   DecideImport      as DecideChange, plus 400 "invalid-markdown" (bad UTF-8, too large)
//                     and 422 "invalid-markdown" (line N: ...)
//   DecidePublish     404 "agreement-not-found"; 422 "invalid-label";
//                     409 kConflict "label-taken" | "nothing-to-publish"
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/agreements/agreement_events.h"
#include "domain/agreements/agreement_state.h"
#include "domain/event.h"
#include "domain/status.h"

namespace hoering::agreements {

inline constexpr std::size_t kMaxTitleBytes = 300;
inline constexpr std::size_t kMaxRationaleBytes = 10000;
inline constexpr std::size_t kMaxLabelBytes = 100;
inline constexpr std::size_t kMaxNoteBytes = 2000;

// POST /v1/agreements {id, title, subtitle?, term?: {entry_into_force?, years?}, parties?}
// term.years: 1..50, default 4; entry_into_force: "YYYY-MM-DD"; parties: ids,
// no duplicates, may be empty.
using CreateAgreement = AgreementCreated;
Result<CreateAgreement> ParseCreateAgreement(const nlohmann::json& body);
// party_exists (optional): tells whether a party id is registered.
Result<std::vector<NewEvent>> DecideCreate(
    const AgreementState& state, const CreateAgreement& cmd,
    const std::function<bool(const std::string&)>& party_exists = {});

// POST /v1/agreements/{id}/changes {rationale, cites?: [{response, point}], ops: [...]}
// rationale: required text. point: a string or a non-negative integer.
struct RecordChange {
  std::string rationale;
  std::vector<Cite> cites;
  std::vector<Op> ops;
  std::string source = "api";  // "markdown-import" for imports
};
Result<RecordChange> ParseRecordChange(const nlohmann::json& body);
// The "cites" array alone (also used by the import route's query/body).
Result<std::vector<Cite>> ParseCites(const nlohmann::json& cites);
// One ChangeSetRecorded with id state.NextChangeId() and the normalised ops.
Result<std::vector<NewEvent>> DecideChange(const AgreementState& state, RecordChange cmd);

// POST /v1/agreements/{id}/import (text/markdown): the document becomes the
// text (markdown_import.h); one change set with source "markdown-import".
// An empty rationale becomes "Imported from Markdown".
struct ImportMarkdown {
  std::string markdown;
  std::string rationale;
  std::vector<Cite> cites;
};
Result<std::vector<NewEvent>> DecideImport(const AgreementState& state, const ImportMarkdown& cmd);

// POST /v1/agreements/{id}/versions {label, note?}
// A label is 1..100 bytes of text, unique per agreement, and must not be
// mistaken for another selector (time_travel.h): not all digits, not
// "current", not starting with "position:" or "time:".
struct PublishVersion {
  std::string label;
  std::optional<std::string> note;
};
Result<PublishVersion> ParsePublishVersion(const nlohmann::json& body);
// One VersionPublished numbered state.versions().size() + 1 with the hash of
// the current text; "nothing-to-publish" when the text equals the latest
// version's (or is empty and nothing was published).
Result<std::vector<NewEvent>> DecidePublish(const AgreementState& state, const PublishVersion& cmd);

}  // namespace hoering::agreements
