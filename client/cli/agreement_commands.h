// The subcommands of the `hoering agreement` group, one file per idea.
// agreements.cpp creates the group and adds them in this order (the order
// of --help). Routes: api.md "Agreements, change sets, versions". --json
// prints the raw JSON answer everywhere.
#pragma once

#include <CLI/CLI.hpp>

#include "client/cli/context.h"

namespace hoering::client {

// agreement_text.cpp: create, list, show. create prints the answer as
// "key: value" lines plus the ETag; list a table; show the header fields,
// then the section tree as an indented outline "<id> [<kind>] <heading>"
// (two spaces per level; --bodies adds the text), or with --markdown the
// text as Markdown.
void AddAgreementTextCommands(CLI::App& group, CliContext& ctx);
// agreement_edit.cpp: import, change, publish. Each prints the answer as
// "key: value" lines plus the new ETag (for a following --if-match).
void AddAgreementEditCommands(CLI::App& group, CliContext& ctx);
// agreement_history.cpp: versions (a table), diff (the server's rendering:
// text by default, coloured on a terminal), log (one block per change set).
void AddAgreementHistoryCommands(CLI::App& group, CliContext& ctx);

}  // namespace hoering::client
