// hoering response submit|amend|withdraw|show|list
//
// Routes: api.md "Consultations and responses". submit and amend read the
// response from --file: a .json file is the request body, a .md file is
// parsed by response_markdown.h (another name: JSON if it starts with '{').
// They always send an Idempotency-Key (a random one unless given) so that a
// retry never submits twice, and print the receipt as "key: value" lines plus
// the key; --receipt-out writes the receipt JSON verbatim to a file.
// show prints the response with its points, dispositions and citing change
// sets (--revisions adds the revision history; with --json the output is then
// {response, revisions}); list prints a table. --json prints the raw JSON.
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/files.h"
#include "client/cli/format.h"
#include "client/cli/response_markdown.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// "cli-" + 32 random hex digits.
std::string NewIdempotencyKey() {
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key = "cli-";
  for (int i = 0; i < 4; ++i) {
    std::uint32_t v = rd();
    for (int j = 0; j < 8; ++j, v >>= 4) key += kHex[v & 0xf];
  }
  return key;
}

// --- submit / amend -------------------------------------------------------------

struct SubmitOptions {
  std::string consultation, response, file, party, accept_late, receipt_out;
  WriteOptions write;
};

// The submission from --file, --party and --accept-late; nullopt after a
// usage error (then `code` is set).
std::optional<ResponseSubmission> LoadSubmission(CliContext& ctx, const SubmitOptions& o,
                                                 int& code) {
  auto text = ReadInput(o.file);
  if (!text) {
    code = ctx.Usage(CannotRead(o.file));
    return std::nullopt;
  }
  auto body = ResponseBodyFromFile(o.file, *text, o.party);
  if (!body.ok()) {
    code = ctx.Usage(body.status().detail());
    return std::nullopt;
  }
  return ResponseSubmission{std::move(body).value(), o.accept_late};
}

int SendResponse(CliContext& ctx, const SubmitOptions& o, bool amend) {
  int code = kExitUsage;
  auto submission = LoadSubmission(ctx, o, code);
  if (!submission) return code;
  if (!o.receipt_out.empty() && !CanWriteFile(o.receipt_out)) {
    return ctx.Usage("cannot write --receipt-out " + o.receipt_out);
  }
  CallOptions call = ToCallOptions(o.write);
  const bool generated = call.idempotency_key.empty();
  if (generated) call.idempotency_key = NewIdempotencyKey();
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = amend ? (*api)->AmendResponse(o.consultation, o.response, *submission, call)
                 : (*api)->SubmitResponse(o.consultation, *submission, call);
  if (!r.ok()) {
    code = ctx.Fail(r.error());
    if (!r.error().client_error()) {
      ctx.err() << "  If it arrived, the same command with --idempotency-key "
                << call.idempotency_key << " returns its receipt without submitting twice.\n";
    }
    return code;
  }
  if (ctx.options().json) {
    ctx.PrintJson(r->body);
    if (generated) ctx.err() << "idempotency-key: " << call.idempotency_key << '\n';
  } else {
    auto fields = Fields(r->body, {"response", "consultation", "party", "revision", "submitted_at",
                                   "position", "hash", "late"});
    fields.emplace_back("idempotency_key", call.idempotency_key);
    RenderFields(ctx.out(), fields);
  }
  if (!o.receipt_out.empty()) {
    std::ofstream file(o.receipt_out, std::ios::binary | std::ios::trunc);
    file << r->body.dump(2) << '\n';
    file.close();
    if (!file) {
      ctx.err() << "hoering: the response was recorded, but " << o.receipt_out
                << " could not be written\n";
      return kExitFailed;
    }
  }
  return kExitOk;
}

// --- withdraw -------------------------------------------------------------------

struct WithdrawOptions {
  std::string consultation, response;
  std::optional<std::string> reason;
  WriteOptions write;
};

int Withdraw(CliContext& ctx, const WithdrawOptions& o) {
  return Answer(
      ctx,
      [&](Api& api) {
        return api.WithdrawResponse(o.consultation, o.response, o.reason, ToCallOptions(o.write));
      },
      PrintFields(ctx, {"response", "withdrawn", "revision", "position", "hash"}));
}

// --- show / list ------------------------------------------------------------------

struct ShowOptions {
  std::string consultation, response;
  bool revisions = false;
};

void PrintIndented(std::ostream& out, const std::string& text, const std::string& indent) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out << (line.empty() ? "" : indent) << line << '\n';
  }
}

void PrintPoint(std::ostream& out, const json& p) {
  out << "point " << Text(p, "n");
  if (!Text(p, "section").empty()) out << "  section " << Text(p, "section");
  out << '\n';
  if (!Text(p, "quote").empty()) out << "  > " << OneLine(Text(p, "quote")) << '\n';
  PrintIndented(out, Text(p, "text"), "  ");
  std::vector<std::pair<std::string, std::string>> fields;
  const json d = p.value("disposition", json());
  if (d.is_object()) {
    fields.emplace_back("  disposition", Text(d, "outcome"));
    fields.emplace_back("  rationale", OneLine(Text(d, "rationale")));
    const std::string changes = JoinText(d.value("changes", json()));
    if (!changes.empty()) fields.emplace_back("  changes", changes);
  } else {
    fields.emplace_back("  disposition", "(none yet)");
  }
  const std::string cited = JoinText(p.value("cited_by", json()));
  if (!cited.empty()) fields.emplace_back("  cited_by", cited);
  RenderFields(out, fields);
}

void PrintResponse(std::ostream& out, const json& r) {
  const json author = r.value("author", json());
  std::string author_text = Text(author, "name");
  if (!Text(author, "email").empty()) author_text += " <" + Text(author, "email") + ">";
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", Text(r, "id")},
      {"consultation", Text(r, "consultation")},
      {"party", Text(r, "party")},
      {"author", author.is_object() ? author_text : Text(author)},
      {"publication", Text(r, "publication")},
      {"revision", Text(r, "revision")},
      {"submitted_at", Text(r, "submitted_at")},
      {"first_submitted_at", Text(r, "first_submitted_at")}};
  std::string late = YesNo(r, "late");
  if (!Text(r, "late_reason").empty()) late += "  (" + OneLine(Text(r, "late_reason")) + ")";
  fields.emplace_back("late", late);
  std::string withdrawn = YesNo(r, "withdrawn");
  if (!Text(r, "withdrawn_at").empty()) withdrawn += "  at " + Text(r, "withdrawn_at");
  if (!Text(r, "withdrawal_reason").empty()) {
    withdrawn += "  (" + OneLine(Text(r, "withdrawal_reason")) + ")";
  }
  fields.emplace_back("withdrawn", withdrawn);
  const json receipt = r.value("receipt", json());
  if (receipt.is_object()) {
    fields.emplace_back(
        "receipt", "position " + Text(receipt, "position") + "  hash " + Text(receipt, "hash"));
  }
  for (const auto& a : r.value("attachments", json::array())) {
    fields.emplace_back("attachment", Text(a, "filename") + "  " + Text(a, "media_type") + "  " +
                                          Text(a, "size") + " bytes  " +
                                          ShortHash(Text(a, "sha256")));
  }
  RenderFields(out, fields);
  if (!Text(r, "summary").empty()) {
    out << "\nsummary:\n";
    PrintIndented(out, Text(r, "summary"), "  ");
  }
  for (const auto& p : r.value("points", json::array())) {
    out << '\n';
    PrintPoint(out, p);
  }
}

int Show(CliContext& ctx, const ShowOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto r = (*api)->GetResponse(o.consultation, o.response);
  if (!r.ok()) return ctx.Fail(r.error());
  json revisions;
  if (o.revisions) {
    auto rv = (*api)->ResponseRevisions(o.consultation, o.response);
    if (!rv.ok()) return ctx.Fail(rv.error());
    revisions = rv->body.value("items", json::array());
  }
  if (ctx.options().json) {
    return ctx.PrintJson(o.revisions ? json{{"response", r->body}, {"revisions", revisions}}
                                     : r->body);
  }
  PrintResponse(ctx.out(), r->body);
  if (o.revisions) {
    ctx.out() << "\nrevisions:\n";
    Table t({"REVISION", "SUBMITTED", "POINTS", "POSITION", "HASH"});
    t.SetAlign(0, Align::kRight).SetAlign(2, Align::kRight).SetAlign(3, Align::kRight);
    for (const auto& v : revisions) {
      const json receipt = v.value("receipt", v);
      const json points = v.value("points", json::array());
      t.AddRow({Text(v, "revision"), Text(v, "submitted_at"),
                points.is_array() ? std::to_string(points.size()) : Text(points),
                Text(receipt, "position"), ShortHash(Text(receipt, "hash"))});
    }
    t.Render(ctx.out());
  }
  return kExitOk;
}

struct ListOptions {
  std::string consultation, party;  // withdrawn responses are listed, marked
};

int List(CliContext& ctx, const ListOptions& o) {
  return Answer(
      ctx, [&](Api& api) { return api.ListResponses(o.consultation, o.party); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "PARTY", "REVISION", "SUBMITTED", "LATE", "WITHDRAWN", "POINTS"});
        t.SetAlign(2, Align::kRight).SetAlign(6, Align::kRight);
        for (const auto& r : items) {
          std::string id = Text(r, "id");
          if (id.empty()) id = Text(r, "response");
          const json points = r.value("points", r.value("point_count", json()));
          t.AddRow({id, Text(r, "party"), Text(r, "revision"), Text(r, "submitted_at"),
                    YesNo(r, "late"), YesNo(r, "withdrawn"),
                    points.is_array() ? std::to_string(points.size()) : Text(points)});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

}  // namespace

void AddResponseCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "response", "Submit, amend, withdraw and read responses");
  group->alias("responses");

  auto submit = std::make_shared<SubmitOptions>();
  CLI::App* s = AddLeaf(*group, "submit", "Submit a response (prints the receipt)", ctx,
                        [&ctx, submit] { return SendResponse(ctx, *submit, /*amend=*/false); });
  s->add_option("consultation", submit->consultation, "Consultation id")->required();
  s->add_option("--file", submit->file, "The response: .json body or .md ('-' = stdin)")
      ->required();
  s->add_option("--party", submit->party, "The responding party (else from the file)");
  s->add_option("--accept-late", submit->accept_late,
                "Secretariat: record a response after the deadline, with this reason");
  AddWriteOptions(s, submit->write, {}, "Idempotency-Key (default: a random one, printed)");
  s->add_option("--receipt-out", submit->receipt_out, "Also write the receipt JSON to this file");

  auto amend = std::make_shared<SubmitOptions>();
  CLI::App* a = AddLeaf(*group, "amend", "Replace a response by a new revision", ctx,
                        [&ctx, amend] { return SendResponse(ctx, *amend, /*amend=*/true); });
  a->add_option("consultation", amend->consultation, "Consultation id")->required();
  a->add_option("response", amend->response, "Response id")->required();
  a->add_option("--file", amend->file, "The new text: .json body or .md ('-' = stdin)")->required();
  a->add_option("--party", amend->party, "The responding party (else from the file)");
  AddWriteOptions(a, amend->write, "Only if the response is still at this ETag",
                  "Idempotency-Key (default: a random one, printed)");
  a->add_option("--receipt-out", amend->receipt_out, "Also write the receipt JSON to this file");

  auto [w, withdraw] =
      AddLeafWith<WithdrawOptions>(*group, "withdraw", "Withdraw a response", ctx, Withdraw);
  w->add_option("consultation", withdraw->consultation, "Consultation id")->required();
  w->add_option("response", withdraw->response, "Response id")->required();
  w->add_option("--reason", withdraw->reason, "Why");
  AddWriteOptions(w, withdraw->write);

  auto [sh, show] = AddLeafWith<ShowOptions>(
      *group, "show", "A response with its points and dispositions", ctx, Show);
  sh->add_option("consultation", show->consultation, "Consultation id")->required();
  sh->add_option("response", show->response, "Response id")->required();
  sh->add_flag("--revisions", show->revisions, "Also list every revision with its receipt");

  auto [l, list] =
      AddLeafWith<ListOptions>(*group, "list", "The responses to a consultation", ctx, List);
  l->add_option("consultation", list->consultation, "Consultation id")->required();
  l->add_option("--party", list->party, "Only this party's");
}

}  // namespace hoering::client
