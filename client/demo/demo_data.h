// The content of the demo data set (demo.h), as plain data. Internal to
// client/demo: the loader (demo.cpp) turns it into requests.
//
// Keys: responses are written with a demo key ("aarhus", "plo", ...) because
// the server chooses response ids at random; change sets with a demo key
// ("waiting-assessment", ...) because the server numbers them. The loader maps
// keys to the ids the server answered and resolves every `{response: key}`,
// `changes: [key]` and the `"@all-responses"` basis marker.
//
// Invented (labelled in the data itself): all response texts, the change sets'
// rationale, the dispositions, the meeting dates of the regional council and
// of 18 municipal councils, the date of Sundhedsstyrelsen's 2015 letter, and
// the 2015-2018 agreement's text (a short reconstruction from seed 004).
// From the seeds: everything else (see demo.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hoering::client::demo {

inline constexpr const char* kAgreement2024 = "sundhedsaftale-2024-2027";
inline constexpr const char* kAgreement2015 = "sundhedsaftale-2015-2018";
inline constexpr const char* kConsultation = "hoering-2023";
inline constexpr const char* kDraftLabel = "consultation draft";
inline constexpr const char* kFinalLabel = "final";
inline constexpr const char* kAllResponses = "@all-responses";
inline constexpr const char* kIllustrative = "Illustrative response invented for the demo";

// Seed 001 as Markdown with section ids: a copy of
// tests/fixtures/agreement-2024-2027.md (demo_texts.cpp).
const char* Agreement2024Markdown();
// A short reconstruction of the 2015-2018 agreement from seed 004.
const char* Agreement2015Markdown();

// [{id, name, kind}] in registration order.
nlohmann::json Parties();
// The ids of the 19 municipalities.
nlohmann::json Municipalities();

// POST /v1/agreements bodies.
nlohmann::json Agreement2024();
nlohmann::json Agreement2015();
// POST /v1/consultations body.
nlohmann::json Consultation();

// [{key, received_at, body: <response body without accept_late/received_at>,
//   dispositions: [{point, outcome, rationale, changes: [change keys]}]}]
nlohmann::json Responses();

// [{key, rationale, cites: [{response: key, point}], section, ops?, edit?}]:
// `ops` are sent as they are; `edit: {id, anchor, insert}` is an edit of the
// current body of section `id`, inserting `insert` right after the first
// occurrence of `anchor` (so the demo does not repeat the whole body).
// `section` is the section id the change shows up as in the diff.
nlohmann::json ChangeSets();

// POST /v1/decisions bodies, in recording order. `basis.responses` may be
// [kAllResponses].
nlohmann::json Decisions2024();
nlohmann::json Decisions2015();

}  // namespace hoering::client::demo
