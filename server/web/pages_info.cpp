// GET /accessibility: the accessibility statement (catalogue text).
// GET /receipts/verify: a form to paste a receipt (the JSON that the receipt
// page downloads and `hoering receipt check` reads: {position, hash} or
// {receipt: {position, hash}}); POST checks it with the query behind
// GET /v1/receipts/verify, on the blocking pool, and shows whether the log
// holds it unchanged. An unreadable receipt is shown at the field, with the
// input kept.
#include "domain/sha256.h"
#include "server/app/receipt_queries.h"
#include "server/web/local_time.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using boost::beast::http::verb;

Result<PageReply> Accessibility(const PageCall& call) {
  return HtmlPage{"accessibility", call.T("accessibility.title"), nlohmann::json::object()};
}

Result<PageReply> ReceiptForm(const PageCall& call) {
  return HtmlPage{"receipt_verify", call.T("receipt.title"), nlohmann::json::object()};
}

struct Receipt {
  std::uint64_t position = 0;
  std::string hash;
};

// The receipt in `text`, or nullopt when it is not one.
std::optional<Receipt> ParseReceipt(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object() && !j.contains("position") && j.contains("receipt")) j = j["receipt"];
  if (!j.is_object()) return std::nullopt;
  const auto position = j.value("position", nlohmann::json());
  const auto hash = j.value("hash", nlohmann::json());
  if (!position.is_number_unsigned() || position.get<std::uint64_t>() == 0 || !hash.is_string()) {
    return std::nullopt;
  }
  auto parsed = HashFromHex(hash.get<std::string>());
  if (!parsed) return std::nullopt;
  return Receipt{position.get<std::uint64_t>(), ToHex(*parsed)};
}

// An uploaded receipt file wins over the pasted text (a form sends both
// fields; the unused one is empty).
std::string ReceiptText(const PageCall& call) {
  for (const UploadedFile& f : call.files) {
    if (f.field == "receipt_file" && !f.content.empty()) return f.content.substr(0, 64 * 1024);
  }
  return call.Field("receipt").value_or("");
}

Result<PageReply> CheckReceipt(const PageCall& call) {
  const std::string text = ReceiptText(call);
  auto receipt = ParseReceipt(text);
  if (!receipt) {
    nlohmann::json data = {
        {"receipt_text", text},
        {"errors", {{{"field", "receipt"}, {"message", call.T("receipt.error_unreadable")}}}},
        {"has_errors", true},
        {"receipt_error", call.T("receipt.error_unreadable")}};
    return HtmlPage{"receipt_verify", call.T("receipt.title"), std::move(data),
                    boost::beast::http::status::unprocessable_entity};
  }
  return BlockingPage{[receipt = *receipt, text](const PageCall& later) -> Result<HtmlPage> {
    nlohmann::json data = {{"receipt_text", text},
                           {"checked", true},
                           {"position", receipt.position},
                           {"hash", receipt.hash}};
    auto result = app::VerifyReceipt(later.ctx, receipt.position, receipt.hash);
    if (!result.ok() && result.status().code() != Code::kNotFound) return result.status();
    if (!result.ok()) {
      data["not_found"] = true;
    } else {
      data["ok"] = (*result)["ok"];
      data["matches"] = (*result)["matches"];
      data["chain_ok"] = (*result)["chain"]["ok"];
      data["checked_events"] = (*result)["chain"]["checked"];
      data["stream"] = (*result)["event"]["stream"];
      auto at = ParseRfc3339((*result)["event"]["recorded_at"].get<std::string>());
      data["recorded"] = at ? FormatLocalDateTime(*at, kSiteTimeZone, later.lang) : "";
    }
    return HtmlPage{"receipt_verify", later.T("receipt.title"), std::move(data)};
  }};
}

}  // namespace

void AddInfoPages(Pages& pages) {
  pages.Add(verb::get, "/accessibility", Accessibility);
  pages.Add(verb::get, "/receipts/verify", ReceiptForm);
  pages.Add(verb::post, "/receipts/verify", CheckReceipt);
}

}  // namespace hoering::web
