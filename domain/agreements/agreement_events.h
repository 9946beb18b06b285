// The events of an agreement stream, "agreement-<id>", and their JSON.
//
// Wire shapes (schema_version 1; keys as written by nlohmann, i.e. sorted):
//   AgreementCreated   {"id", "title", "subtitle"?, "term": {"entry_into_force"?, "years"},
//                       "parties": [party ids]}
//   ChangeSetRecorded  {"agreement", "change": "c-<n>", "rationale",
//                       "cites": [{"response", "point"}], "ops": [op...],
//                       "source": "api" | "markdown-import"}
//                      ops as in change_ops.h, normalised, every add with its id.
//   VersionPublished   {"agreement", "number", "label", "note"?, "hash",
//                       "changes": <change sets recorded before it>}
//                      hash: text_json.h TextHash of the text at that point.
// The first event of a stream is AgreementCreated (append with "no stream").
// Actor, time and position come from the RecordedEvent envelope.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/change_ops.h"
#include "domain/event.h"
#include "domain/status.h"

namespace hoering::agreements {

inline constexpr const char* kAgreementCreated = "AgreementCreated";
inline constexpr const char* kChangeSetRecorded = "ChangeSetRecorded";
inline constexpr const char* kVersionPublished = "VersionPublished";

std::string StreamFor(const std::string& agreement_id);  // "agreement-<id>"

struct Term {
  std::optional<std::string> entry_into_force;  // local date "YYYY-MM-DD"
  std::uint32_t years = 4;
  bool operator==(const Term&) const = default;
};

// A cited response point. Validity (does the response exist, has it that
// point?) is the server's concern; the domain records what was given.
struct Cite {
  std::string response;
  std::string point;  // a point id; integers given by clients are kept as their decimal text
  bool operator==(const Cite&) const = default;
};

struct AgreementCreated {
  std::string id;
  std::string title;
  std::optional<std::string> subtitle;
  Term term;
  std::vector<std::string> parties;
  bool operator==(const AgreementCreated&) const = default;
};

struct ChangeSetRecorded {
  std::string agreement;
  std::string change;  // "c-1", "c-2", ... per agreement
  std::string rationale;
  std::vector<Cite> cites;
  std::vector<Op> ops;
  std::string source = "api";
  bool operator==(const ChangeSetRecorded&) const = default;
};

struct VersionPublished {
  std::string agreement;
  std::uint32_t number = 0;  // 1, 2, ...
  std::string label;
  std::optional<std::string> note;
  std::string hash;
  std::uint64_t changes = 0;  // change sets recorded before this version
  bool operator==(const VersionPublished&) const = default;
};

nlohmann::json TermToJson(const Term& t);
nlohmann::json CitesToJson(const std::vector<Cite>& cites);

NewEvent ToEvent(const AgreementCreated& e);
NewEvent ToEvent(const ChangeSetRecorded& e);
NewEvent ToEvent(const VersionPublished& e);

// Reading recorded data back; a bad shape is kCorruption.
Result<AgreementCreated> AgreementCreatedFromJson(const nlohmann::json& j);
Result<ChangeSetRecorded> ChangeSetRecordedFromJson(const nlohmann::json& j);
Result<VersionPublished> VersionPublishedFromJson(const nlohmann::json& j);

}  // namespace hoering::agreements
