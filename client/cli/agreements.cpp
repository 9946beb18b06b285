// hoering agreement create|list|show|import|change|publish|versions|diff|log
// (the group; agreement_commands.h names the files of its subcommands).
#include "client/cli/agreement_commands.h"
#include "client/cli/commands.h"

namespace hoering::client {

void AddAgreementCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "agreement", "Draft, change, publish and compare agreements");
  group->alias("agreements");
  AddAgreementTextCommands(*group, ctx);
  AddAgreementEditCommands(*group, ctx);
  AddAgreementHistoryCommands(*group, ctx);
}

}  // namespace hoering::client
