// hoering tokens issue|revoke|list
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"

namespace hoering::client {
namespace {

int Issue(CliContext& ctx, const TokenRequest& req) {
  if (req.role == "stakeholder" && req.party.empty()) {
    return ctx.Usage("a stakeholder token needs --party");
  }
  return Answer(
      ctx, [&](Api& api) { return api.IssueToken(req); },
      [&](const ApiResult& r) {
        RenderFields(ctx.out(),
                     Fields(r.body, {"id", "token", "role", "party", "label", "position"}));
        ctx.err() << "note: the token is shown only once; store it now.\n";
        return kExitOk;
      });
}

int RevokeToken(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.RevokeToken(id); },
      [&](const ApiResult& r) {
        ctx.out() << "revoked token " << Text(r.body, "id");
        if (r.position) ctx.out() << " at position " << *r.position;
        ctx.out() << '\n';
        return kExitOk;
      });
}

int List(CliContext& ctx) {
  return Answer(
      ctx, [&](Api& api) { return api.ListTokens(); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "ROLE", "PARTY", "LABEL", "ISSUED", "REVOKED"});
        for (const auto& k : items) {
          t.AddRow({Text(k, "id"), Text(k, "role"), Text(k, "party"), Text(k, "label"),
                    Text(k, "issued_at"), k.value("revoked", false) ? "yes" : "no"});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

}  // namespace

void AddTokenCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "tokens", "Issue, revoke and list access tokens (admin)");

  auto [i, req] =
      AddLeafWith<TokenRequest>(*group, "issue", "Issue a token (printed once)", ctx, Issue);
  i->add_option("--role", req->role, "Role of the token")
      ->required()
      ->check(CLI::IsMember({"admin", "secretariat", "stakeholder", "auditor"}));
  i->add_option("--party", req->party, "Party the token acts for (stakeholders)");
  i->add_option("--label", req->label, "Who or what holds the token")->required();

  AddLeafOf(*group, "revoke", "Revoke a token", ctx, "id", "Token id (not the secret)",
            RevokeToken);

  AddLeaf(*group, "list", "List tokens (never their secrets)", ctx, [&ctx] { return List(ctx); });
}

}  // namespace hoering::client
