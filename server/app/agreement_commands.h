// Writes on an agreement's text as commands for the command service
// (server/commands/command_service.h): recording a change set, importing
// Markdown and publishing a version. The JSON routes (routes_agreements.cpp:
// POST /v1/agreements/{id}/changes, .../import, .../versions) return them as
// a Write, and the secretariat's editor page (server/web/pages_editor*.cpp)
// runs the same ones, so every rule is decided once, in domain/agreements.
//
// Each Decide loads the agreement from the read views (404
// "agreement-not-found"), checks `if_match` against its stream version
// (412 when it differs), decides in the domain (agreement_decide.h) and
// appends with the exact version decided on; on a concurrent append the
// command service decides again, so an op's if_body_sha256 (body_condition.h)
// is always checked against the latest text. A change set's cites must name
// points of responses to a consultation on this agreement (422
// "invalid-citation"), checked by reading those responses from the log.
//
// Thread safety: the Decide functions read the read views and the log and may
// run on any thread; `ctx` must outlive them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/agreements/agreement_decide.h"
#include "server/app/command_http.h"

namespace hoering::app {

Decide DecideRecordChange(AppContext& ctx, std::string agreement, agreements::RecordChange change,
                          std::optional<std::uint64_t> if_match = std::nullopt);
Decide DecideImportMarkdown(AppContext& ctx, std::string agreement,
                            agreements::ImportMarkdown import,
                            std::optional<std::uint64_t> if_match = std::nullopt);
Decide DecidePublishVersion(AppContext& ctx, std::string agreement,
                            agreements::PublishVersion publish,
                            std::optional<std::uint64_t> if_match = std::nullopt);

}  // namespace hoering::app
