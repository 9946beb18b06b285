// hoering agreement import|change|publish: changing an agreement's text and
// publishing it as a numbered version.
#include <memory>

#include "client/cli/agreement_commands.h"
#include "client/cli/commands.h"
#include "client/cli/files.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

using nlohmann::json;

constexpr const char* kIfMatchHelp = "Only if the agreement is still at this ETag (stream version)";

// A write's answer: the body's fields (preferred first), then the ETag.
int PrintWrite(CliContext& ctx, const Expected<ApiResult>& r,
               const std::vector<std::string>& preferred) {
  if (!r.ok()) return ctx.Fail(r.error());
  if (ctx.options().json) return ctx.PrintJson(r->body);
  auto fields = Fields(r->body, preferred);
  if (!r->etag.empty()) fields.emplace_back("etag", r->etag);
  RenderFields(ctx.out(), fields);
  return kExitOk;
}

// --- import ------------------------------------------------------------------

struct ImportOptions {
  std::string id, file, rationale;
  WriteOptions write;
};

int Import(CliContext& ctx, const ImportOptions& o) {
  auto markdown = ReadInput(o.file);
  if (!markdown) return ctx.Usage(CannotRead(o.file));
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  return PrintWrite(ctx,
                    (*api)->ImportAgreementMarkdown(o.id, std::move(*markdown), o.rationale,
                                                    ToCallOptions(o.write)),
                    {"change", "position"});
}

// --- change ------------------------------------------------------------------

struct ChangeOptions {
  std::string id, file, rationale;
  std::vector<std::string> ops, cites;
  WriteOptions write;
};

// The change set from --rationale, --cite and --op; nullopt after a usage
// error (printed; `code` set).
std::optional<ChangeSetInput> ChangeSetFromFlags(CliContext& ctx, const ChangeOptions& o,
                                                 int& code) {
  auto usage = [&](const std::string& message) {
    code = ctx.Usage(message);
    return std::nullopt;
  };
  if (o.ops.empty()) {
    return usage("give the change set with --file, or with --rationale and one or more --op");
  }
  if (o.rationale.empty()) return usage("--rationale is required with --op");
  ChangeSetInput change_set{o.rationale, {}, {}};
  for (std::size_t i = 0; i < o.ops.size(); ++i) {
    json op = json::parse(o.ops[i], nullptr, false);
    if (!op.is_object()) {
      return usage("--op " + std::to_string(i + 1) + " is not a JSON object: " + o.ops[i]);
    }
    change_set.ops.push_back(std::move(op));
  }
  for (const auto& c : o.cites) {
    const std::size_t colon = c.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == c.size()) {
      return usage("--cite takes RESPONSE:POINT, not '" + c + "'");
    }
    change_set.cites.push_back({c.substr(0, colon), c.substr(colon + 1)});
  }
  return change_set;
}

int Change(CliContext& ctx, const ChangeOptions& o) {
  const CallOptions call = ToCallOptions(o.write);
  if (!o.file.empty()) {
    std::string error;
    auto document = ReadJsonObjectInput(o.file, "{rationale, cites, ops}", error);
    if (!document) return ctx.Usage(error);
    auto api = ctx.api();
    if (!api.ok()) return ctx.Fail(api.error());
    return PrintWrite(ctx, (*api)->RecordChange(o.id, *document, call), {"change", "position"});
  }
  int code = kExitUsage;
  auto change_set = ChangeSetFromFlags(ctx, o, code);
  if (!change_set) return code;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  return PrintWrite(ctx, (*api)->RecordChange(o.id, *change_set, call), {"change", "position"});
}

// --- publish -----------------------------------------------------------------

struct PublishOptions {
  std::string id;
  VersionInput version;
  WriteOptions write;
};

int Publish(CliContext& ctx, const PublishOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  return PrintWrite(ctx, (*api)->PublishVersion(o.id, o.version, ToCallOptions(o.write)),
                    {"number", "label", "hash", "position"});
}

}  // namespace

void AddAgreementEditCommands(CLI::App& group, CliContext& ctx) {
  auto [i, import] = AddLeafWith<ImportOptions>(
      group, "import", "Make a Markdown document the text (one change set)", ctx, Import);
  i->add_option("id", import->id, "Agreement id")->required();
  i->add_option("file", import->file, "Markdown file ('-' = standard input)")->required();
  i->add_option("--rationale", import->rationale, "Why (default: the server's)");
  AddWriteOptions(i, import->write, kIfMatchHelp);

  auto [ch, change] =
      AddLeafWith<ChangeOptions>(group, "change", "Record a change set", ctx, Change);
  ch->add_option("id", change->id, "Agreement id")->required();
  CLI::Option* file = ch->add_option(
      "--file", change->file, "JSON file holding {rationale, cites, ops} ('-' = standard input)");
  CLI::Option* rationale = ch->add_option("--rationale", change->rationale, "Why");
  CLI::Option* op =
      ch->add_option(
            "--op", change->ops,
            R"(One op as JSON, e.g. '{"op":"edit","id":"kap-1","body":"..."}' (repeatable))")
          ->allow_extra_args(false);
  CLI::Option* cite =
      ch->add_option("--cite", change->cites, "A cited response point RESPONSE:POINT (repeatable)")
          ->allow_extra_args(false);
  file->excludes(rationale)->excludes(op)->excludes(cite);
  AddWriteOptions(ch, change->write, kIfMatchHelp);

  auto [p, publish] = AddLeafWith<PublishOptions>(
      group, "publish", "Publish the current text as a numbered version", ctx, Publish);
  p->add_option("id", publish->id, "Agreement id")->required();
  p->add_option("--label", publish->version.label, "Version label, e.g. \"consultation draft\"")
      ->required();
  p->add_option("--note", publish->version.note, "A note on the version");
  AddWriteOptions(p, publish->write, kIfMatchHelp);
}

}  // namespace hoering::client
