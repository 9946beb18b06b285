// hoering invitation create|list|revoke
//
// Routes: api.md "Invitations" (secretariat, admin). Human output:
//   create: the invitation as "key: value" lines with its link and code,
//     and a note on standard error that they are shown only this once (a
//     replayed --idempotency-key answers without them: revoke and create a
//     new one);
//   list: a table, never with codes; STATE is active, expired or revoked;
//   revoke: one line.
// --json prints the raw JSON answer.
#include <optional>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

using nlohmann::json;

struct CreateArgs {
  std::string consultation;
  std::string party;
  WriteOptions write;
};

struct RevokeArgs {
  std::string consultation;
  std::string id;
  std::optional<std::string> reason;
};

std::string StateOf(const json& i) {
  if (i.value("revoked", false)) return "revoked";
  if (i.value("expired", false)) return "expired";
  return "active";
}

int Create(CliContext& ctx, const CreateArgs& args) {
  return Answer(
      ctx,
      [&](Api& api) {
        return api.IssueInvitation(args.consultation, args.party, ToCallOptions(args.write));
      },
      [&](const ApiResult& r) {
        std::vector<std::pair<std::string, std::string>> fields;
        for (const char* key :
             {"id", "party", "consultation", "link", "code", "expires_at", "position"}) {
          if (r.body.contains(key)) fields.emplace_back(key, Text(r.body, key));
        }
        RenderFields(ctx.out(), fields);
        if (r.body.contains("link")) {
          ctx.err()
              << "note: the link is shown only once; send it to the party now. If it is lost, "
                 "revoke the invitation and create a new one.\n";
        } else {
          ctx.err()
              << "note: this repeats an earlier request (same --idempotency-key); its link was "
                 "shown then and cannot be shown again. If it is lost, revoke the invitation and "
                 "create a new one.\n";
        }
        return kExitOk;
      });
}

int List(CliContext& ctx, const std::string& consultation) {
  return Answer(
      ctx, [&](Api& api) { return api.ListInvitations(consultation); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "PARTY", "ISSUED", "EXPIRES", "STATE", "REVOKED AT"});
        for (const auto& i : items) {
          t.AddRow({Text(i, "id"), Text(i, "party"), Text(i, "issued_at"), Text(i, "expires_at"),
                    StateOf(i), Text(i, "revoked_at")});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

int Revoke(CliContext& ctx, const RevokeArgs& args) {
  return Answer(
      ctx, [&](Api& api) { return api.RevokeInvitation(args.consultation, args.id, args.reason); },
      [&](const ApiResult& r) {
        ctx.out() << "revoked invitation " << Text(r.body, "id") << " of " << Text(r.body, "party");
        if (r.position) ctx.out() << " at position " << *r.position;
        ctx.out() << '\n';
        return kExitOk;
      });
}

}  // namespace

void AddInvitationCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "invitation",
                             "Invite a consultation's parties to the web pages with a sign-in "
                             "link (secretariat, admin)");

  auto [c, create] = AddLeafWith<CreateArgs>(
      *group, "create", "Create an invitation (its link is printed once)", ctx, Create);
  c->add_option("--consultation", create->consultation, "Consultation id")->required();
  c->add_option("--party", create->party, "An invited party of the consultation")->required();
  AddWriteOptions(c, create->write);

  AddLeafOf(*group, "list", "List a consultation's invitations (never their codes)", ctx,
            "--consultation", "Consultation id", List)
      ->get_option("--consultation")
      ->required();

  auto [r, revoke] = AddLeafWith<RevokeArgs>(
      *group, "revoke", "Revoke an invitation: its link signs no one in", ctx, Revoke);
  r->add_option("--consultation", revoke->consultation, "Consultation id")->required();
  r->add_option("id", revoke->id, "Invitation id (inv-...)")->required();
  r->add_option("--reason", revoke->reason, "Why (recorded with the revocation)");
}

}  // namespace hoering::client
