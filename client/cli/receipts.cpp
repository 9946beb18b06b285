// hoering receipt check <receipt.json>
//
// Proves that a receipt (as written by `hoering response submit
// --receipt-out`: {position, hash, ...}; a {receipt: {position, hash}}
// wrapper is accepted too) still stands:
//   1. the server's GET /v1/receipts/verify: the event at `position` still
//      has `hash`, still hashes to it, and links up to the head;
//   2. when the token may read /v1/events (auditor, admin; a 401/403 means
//      no and the step is skipped), the same once more with nothing but local
//      arithmetic: the events from `position` to the head are re-hashed here
//      (ChainVerifier), the event at `position` must carry exactly the
//      receipt's hash and every link up to the head must hold.
// Exit codes: 0 proved; 4 (kExitBroken) not proved (another hash, a broken
// link, or no event at that position any more); 1 unreadable receipt file;
// 2/3 HTTP/transport errors.
// --json prints {receipt, server, local, proved}.

#include "client/cli/commands.h"
#include "client/cli/files.h"
#include "client/cli/format.h"
#include "client/lib/chain_verify.h"
#include "domain/sha256.h"

namespace hoering::client {
namespace {

using nlohmann::json;

struct Receipt {
  std::uint64_t position = 0;
  std::string hash;  // lower-case hex
};

// nullopt with `error` set when the file holds no usable receipt.
std::optional<Receipt> ReadReceipt(const std::string& path, std::string& error) {
  auto text = ReadFileText(path);
  if (!text) {
    error = CannotRead(path);
    return std::nullopt;
  }
  json j = json::parse(*text, nullptr, false);
  if (j.is_object() && !j.contains("position") && j.contains("receipt")) j = j["receipt"];
  if (!j.is_object()) {
    error = path + " is not a receipt: a JSON object {position, hash} was expected";
    return std::nullopt;
  }
  Receipt r;
  auto position = PositionFromJson(j.value("position", json()));
  const std::string hash = Text(j, "hash");
  auto parsed = HashFromHex(hash);
  if (!position || *position == 0 || !parsed) {
    error = path + " is not a receipt: it needs `position` (from 1) and `hash` (64 hex digits)";
    return std::nullopt;
  }
  r.position = *position;
  r.hash = ToHex(*parsed);
  return r;
}

// What the server said, as one line, and whether it proves the receipt.
bool ServerVerdict(const json& b, const Receipt& r, std::string& line) {
  const json chain = b.value("chain", json::object());
  const std::string p = std::to_string(r.position);
  if (!b.value("matches", false)) {
    line = "event " + p + " does NOT have the receipt's hash " + r.hash;
  } else if (!b.value("event_intact", false)) {
    line = "event " + p + " no longer hashes to " + r.hash + ": its stored content was altered";
  } else if (!chain.value("ok", false)) {
    line = "event " + p + " still has hash " + r.hash + ", but the chain is BROKEN at position " +
           Text(chain, "first_bad") + ": " + Text(chain, "problem");
  } else {
    const json event = b.value("event", json::object());
    const json head = chain.value("head", json::object());
    line = "event " + p + " (" + Text(event, "type") + " in " + Text(event, "stream") + ", " +
           Text(event, "recorded_at") + ") still has hash " + r.hash +
           "; chain intact up to head " + Text(head, "position") + " (" + Text(chain, "checked") +
           " events checked)";
  }
  return b.value("ok", false);
}

struct LocalCheck {
  bool ran = false;  // false: skipped (the token may not read /v1/events)
  bool ok = false;
  std::string line;  // what was found
  json json_report;
};

// Re-hashes the events from the receipt's position to the head here.
Expected<LocalCheck> CheckLocally(Api& api, const Receipt& r) {
  LocalCheck out;
  ChainVerifier verifier;
  std::string first_hash;
  std::optional<std::uint64_t> first_position;
  auto scanned = api.ScanEvents(r.position, std::nullopt, 1000, [&](const json& e) {
    if (!first_position) {
      first_position = PositionFromJson(e.value("position", json()));
      first_hash = Text(e, "hash");
    }
    return verifier.Add(e);
  });
  if (!scanned.ok()) {
    const int status = scanned.error().status;
    if (status == 401 || status == 403) {
      out.line =
          "skipped: this token may not read /v1/events (an auditor or admin token also "
          "re-hashes the events here)";
      out.json_report = {{"skipped", out.line}};
      return out;
    }
    return scanned.error();
  }
  out.ran = true;
  const ChainReport& report = verifier.report();
  const std::string p = std::to_string(r.position);
  out.json_report = {{"ok", false}, {"checked", report.checked}, {"event_hash", first_hash}};
  if (!first_position || *first_position != r.position) {
    out.line = "the log served no event at position " + p;
  } else if (first_hash != r.hash) {
    out.line = "event " + p + " has hash " + first_hash + ", not the receipt's " + r.hash;
  } else if (!report.ok) {
    out.line = "BROKEN at position " + std::to_string(report.first_bad.value_or(0)) + ": " +
               report.problem;
    out.json_report["first_bad"] = report.first_bad.value_or(0);
    out.json_report["problem"] = report.problem;
  } else {
    out.ok = true;
    out.line = "event " + p + " still has hash " + r.hash + "; " + std::to_string(report.checked) +
               " events re-hashed locally up to head " + std::to_string(report.head_position) +
               " (hash " + ToHex(report.head_hash) + "): intact";
    out.json_report["ok"] = true;
    out.json_report["head"] = {{"position", report.head_position},
                               {"hash", ToHex(report.head_hash)}};
  }
  return out;
}

int Check(CliContext& ctx, const std::string& path) {
  std::string error;
  auto receipt = ReadReceipt(path, error);
  if (!receipt) return ctx.Usage(error);
  const Receipt& r = *receipt;
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto answer = (*api)->VerifyReceipt(r.position, r.hash);
  std::string server_line;
  bool server_ok = false;
  json server_json;
  if (answer.ok()) {
    server_ok = ServerVerdict(answer->body, r, server_line);
    server_json = answer->body;
  } else if (answer.error().status == 404) {
    // The log is shorter than the receipt's position: the event is gone.
    server_line = "the log has no event at position " + std::to_string(r.position) + " (" +
                  answer.error().detail + ")";
    server_json = answer.error().body;
  } else {
    return ctx.Fail(answer.error());
  }
  auto local = CheckLocally(**api, r);
  if (!local.ok() && server_ok) return ctx.Fail(local.error());  // cannot finish the proof
  LocalCheck l;
  if (local.ok()) {
    l = *local;
  } else {
    l.ran = true;
    l.line = "could not re-hash: " + Describe(local.error());
    l.json_report = {{"ok", false}, {"error", l.line}};
  }
  const bool proved = server_ok && (!l.ran || l.ok);
  if (ctx.options().json) {
    ctx.PrintJson({{"receipt", {{"position", r.position}, {"hash", r.hash}}},
                   {"server", server_json},
                   {"local", l.json_report},
                   {"proved", proved}});
  } else {
    std::ostream& out = ctx.out();
    out << "receipt: position " << r.position << " hash " << r.hash << '\n';
    out << "server:  " << server_line << '\n';
    out << "local:   " << l.line << '\n';
    out << (proved ? "proved: the log still holds this receipt's event, unchanged\n"
                   : "NOT proved: the log no longer matches this receipt\n");
  }
  return proved ? kExitOk : kExitBroken;
}

}  // namespace

void AddReceiptCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "receipt", "Check receipts against the log");
  group->alias("receipts");
  AddLeafOf(*group, "check", "Prove that a receipt's event is still in the log", ctx, "file",
            "Receipt JSON file (from response submit --receipt-out)", Check);
}

}  // namespace hoering::client
