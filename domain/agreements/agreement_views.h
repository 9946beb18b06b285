// JSON views of an agreement for the read routes (api.md).
//
//   AgreementJson   {"id", "title", "subtitle"?, "term": {"entry_into_force"?, "years"},
//                    "parties", "created_at", "sections": [...text_json.h...],
//                    "version": VersionRefJson | null, "at"?: "<selector>"}
//   VersionRefJson  {"number", "label", "note"?, "hash", "position", "published_at",
//                    "changes", "actor": {"token_id", "role", "party"}}
//   AgreementSummaryJson: AgreementJson without "sections", plus "section_count".
#pragma once

#include <nlohmann/json.hpp>

#include "domain/agreements/agreement_state.h"

namespace hoering::agreements {

nlohmann::json VersionRefJson(const VersionInfo& v);
nlohmann::json VersionsToJson(const AgreementState& s);  // array, oldest first

// `text` and `version` may come from time travel; `at` is added when not null.
nlohmann::json AgreementJson(const AgreementState& s, const SectionTree& text,
                             const VersionInfo* version, const nlohmann::json& at = nullptr);
// The current text with the latest version.
nlohmann::json AgreementJson(const AgreementState& s);
nlohmann::json AgreementSummaryJson(const AgreementState& s);

}  // namespace hoering::agreements
