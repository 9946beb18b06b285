#include "client/cli/cli.h"

#include <exception>
#include <memory>

#include "client/cli/commands.h"
#include "client/cli/context.h"
#include "client/version.h"

namespace hoering::client {
namespace {

constexpr AddCommandGroup kCommandGroups[] = {
    AddPartyCommands,        AddTokenCommands,        AddEventCommands,      AddVerifyCommands,
    AddAgreementCommands,    AddConsultationCommands, AddInvitationCommands, AddResponseCommands,
    AddDispositionCommands,  AddDecisionCommands,
    AddRatificationCommands,  // after AddAgreementCommands: extends `agreement`
    AddTraceCommands,        AddReceiptCommands,      AddProjectionCommands, AddDemoCommands,
};

void AddGlobalOptions(CLI::App& app, GlobalOptions& o) {
  app.add_option("--url", o.url, "Server base URL")->envname("HOERING_URL")->capture_default_str();
  app.add_option("--token", o.token, "Bearer token")->envname("HOERING_TOKEN");
  app.add_flag("--json", o.json, "Print the raw JSON answer");
  app.add_option("--timeout", o.timeout_s, "Seconds to wait for each answer")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
}

}  // namespace

CLI::App* AddGroup(CLI::App& app, const std::string& name, const std::string& description) {
  CLI::App* group = app.add_subcommand(name, description);
  group->require_subcommand(1);
  return group;
}

CLI::App* AddLeaf(CLI::App& parent, const std::string& name, const std::string& description,
                  CliContext& ctx, std::function<int()> action) {
  CLI::App* leaf = parent.add_subcommand(name, description);
  leaf->callback([&ctx, action = std::move(action)] { ctx.SetAction(action); });
  return leaf;
}

CLI::App* AddLeafOf(CLI::App& parent, const std::string& name, const std::string& description,
                    CliContext& ctx, const std::string& argument, const std::string& argument_help,
                    int (*action)(CliContext&, const std::string&)) {
  auto value = std::make_shared<std::string>();
  CLI::App* leaf = AddLeaf(parent, name, description, ctx,
                           [&ctx, value, action] { return action(ctx, *value); });
  CLI::Option* option = leaf->add_option(argument, *value, argument_help);
  if (!argument.starts_with("-")) option->required();
  return leaf;
}

int RunCli(int argc, char** argv, std::ostream& out, std::ostream& err) {
  try {
    CliContext ctx(out, err);
    CLI::App app{"hoering: client for the hoering consultation server", "hoering"};
    app.fallthrough();  // global options may follow the subcommand
    app.require_subcommand(1);
    app.set_version_flag("--version", ClientVersion());
    AddGlobalOptions(app, ctx.options());
    for (AddCommandGroup add : kCommandGroups) add(app, ctx);
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        return app.exit(e, out, err);  // --help, --version
      }
      return ctx.Usage(e.what());
    }
    return ctx.RunAction();
  } catch (const std::exception& e) {
    err << "hoering: internal error: " << e.what() << '\n';
    return kExitFailed;
  }
}

int RunCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::vector<std::string> storage;
  storage.reserve(args.size() + 1);
  storage.emplace_back("hoering");
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  return RunCli(static_cast<int>(storage.size()), argv.data(), out, err);
}

}  // namespace hoering::client
