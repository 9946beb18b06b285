// hoering parties add|list|show
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

const std::vector<std::string> kKinds = {"region",       "municipality", "practice",
                                         "organisation", "authority",    "committee"};

struct AddOptions {
  PartyInput party;
  WriteOptions write;
};

int Add(CliContext& ctx, const AddOptions& o) {
  return Answer(
      ctx, [&](Api& api) { return api.RegisterParty(o.party, ToCallOptions(o.write)); },
      PrintFields(ctx, {"id", "name", "kind", "position", "hash"}));
}

int List(CliContext& ctx, std::uint32_t page_size) {
  return Answer(
      ctx, [&](Api& api) { return api.ListParties(page_size); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "NAME", "KIND", "REGISTERED"});
        for (const auto& p : items) {
          t.AddRow({Text(p, "id"), Text(p, "name"), Text(p, "kind"), Text(p, "registered_at")});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

int ShowParty(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.GetParty(id); },
      PrintFields(ctx, {"id", "name", "kind", "registered_at"}));
}

}  // namespace

void AddPartyCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "parties", "Register and look up parties");

  auto [a, add] = AddLeafWith<AddOptions>(*group, "add", "Register a party", ctx, Add);
  a->add_option("--id", add->party.id, "Stable party id, e.g. samsoe-kommune")->required();
  a->add_option("--name", add->party.name, "Display name")->required();
  a->add_option("--kind", add->party.kind, "Kind of party")
      ->required()
      ->check(CLI::IsMember(kKinds));
  AddWriteOptions(a, add->write);

  auto page_size = std::make_shared<std::uint32_t>(0);
  CLI::App* l = AddLeaf(*group, "list", "List all parties", ctx,
                        [&ctx, page_size] { return List(ctx, *page_size); });
  l->add_option("--page-size", *page_size, "Items per request (server default when 0)")
      ->check(CLI::Range(0, 1000));

  AddLeafOf(*group, "show", "Show one party", ctx, "id", "Party id", ShowParty);
}

}  // namespace hoering::client
