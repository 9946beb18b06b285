// The command groups of the `hoering` CLI. Each group lives in its own file
// and adds its subcommands to the top-level app; cli.cpp lists the groups in
// kCommandGroups. A new group (agreement, consultation, response,
// disposition, decision, trace, receipt) is one new file defining one more
// Add...Commands function plus one line in that list.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <utility>

#include "client/cli/context.h"

namespace hoering::client {

using AddCommandGroup = void (*)(CLI::App& app, CliContext& ctx);

void AddPartyCommands(CLI::App& app, CliContext& ctx);   // parties add|list|show
void AddTokenCommands(CLI::App& app, CliContext& ctx);   // tokens issue|revoke|list
void AddEventCommands(CLI::App& app, CliContext& ctx);   // events list|tail
void AddVerifyCommands(CLI::App& app, CliContext& ctx);  // verify [--local]
// agreement create|list|show|import|change|publish|versions|diff|log
void AddAgreementCommands(CLI::App& app, CliContext& ctx);
// consultation open|extend|close|show|list|report
void AddConsultationCommands(CLI::App& app, CliContext& ctx);
// invitation create|list|revoke
void AddInvitationCommands(CLI::App& app, CliContext& ctx);
// response submit|amend|withdraw|show|list
void AddResponseCommands(CLI::App& app, CliContext& ctx);
// disposition set|show
void AddDispositionCommands(CLI::App& app, CliContext& ctx);
// decision record|show|list|fulfil
void AddDecisionCommands(CLI::App& app, CliContext& ctx);
// agreement ratification|obligations|obligation-done: adds to the `agreement`
// group, so it must run after AddAgreementCommands.
void AddRatificationCommands(CLI::App& app, CliContext& ctx);
// trace decision|response|change
void AddTraceCommands(CLI::App& app, CliContext& ctx);
// receipt check
void AddReceiptCommands(CLI::App& app, CliContext& ctx);
// projections status|rebuild|checkpoint
void AddProjectionCommands(CLI::App& app, CliContext& ctx);
// demo load
void AddDemoCommands(CLI::App& app, CliContext& ctx);

// Helpers for group files.
// A group node: requires exactly one of its subcommands.
CLI::App* AddGroup(CLI::App& app, const std::string& name, const std::string& description);
// A leaf command whose callback sets `action` as the context's action.
CLI::App* AddLeaf(CLI::App& parent, const std::string& name, const std::string& description,
                  CliContext& ctx, std::function<int()> action);
// A leaf command whose arguments fill an Options (owned by the leaf), given to
// action(ctx, options) when it runs:
//   auto [l, list] = AddLeafWith<ListOptions>(*group, "list", "One page", ctx, List);
//   l->add_option("--from", list->from, "First position");
template <typename Options>
std::pair<CLI::App*, Options*> AddLeafWith(CLI::App& parent, const std::string& name,
                                           const std::string& description, CliContext& ctx,
                                           int (*action)(CliContext&, const Options&)) {
  auto options = std::make_shared<Options>();
  CLI::App* leaf = AddLeaf(parent, name, description, ctx,
                           [&ctx, options, action] { return action(ctx, *options); });
  return {leaf, options.get()};
}
// A leaf command of one string argument, given to action(ctx, value):
// `argument` is a positional ("id"), then required, or an option
// ("--agreement"), then optional and "" when not given.
CLI::App* AddLeafOf(CLI::App& parent, const std::string& name, const std::string& description,
                    CliContext& ctx, const std::string& argument, const std::string& argument_help,
                    int (*action)(CliContext&, const std::string&));

}  // namespace hoering::client
