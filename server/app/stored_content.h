// Content stored once per content in the log, in "attachment-<sha256>"
// (AttachmentStored, domain/consultations/response_events.h): the files of
// responses and the bytes of published reports.
#pragma once

#include <string>

#include "domain/consultations/response_events.h"
#include "server/app/app_context.h"
#include "server/commands/command_service.h"

namespace hoering::app {

// Stores `content` unless the log holds its stream already (then nothing to
// write; a concurrent store of the same content conflicts, is decided again
// and finds it). REQUIRES: content.sha256 is the hex SHA-256 of the decoded
// content.
commands::Decide StoreContentOnce(AppContext& ctx, consultations::AttachmentStored content);

// The bytes stored under `sha256`; 500 kCorruption "corruption" when the
// stream is missing or its content does not decode.
Result<std::string> StoredContent(const EventLog& log, const std::string& sha256);

}  // namespace hoering::app
