// GET /v1/receipts/verify?position=<p>&hash=<hex>: does the log still hold an
// event with that hash at that position, and is the hash chain intact from
// it to the head? Public: whoever holds a receipt may check it; the answer
// reveals nothing the receipt does not already name. Runs on the blocking pool
// (it re-hashes every event from the position to the head).
#include "domain/sha256.h"
#include "server/app/receipt_queries.h"
#include "server/app/request_helpers.h"
#include "server/app/routes.h"
#include "server/http/problem.h"

namespace hoering::app {
namespace {

using boost::beast::http::status;
using boost::beast::http::verb;

Result<Reply> VerifyReceiptRoute(const Call& call) {
  auto position = ParseUintQuery(call.match, "position");
  if (!position.ok()) return position.status();
  const std::string hash = call.Query("hash").value_or("");
  if (!*position || **position == 0 || !HashFromHex(hash)) {
    return InvalidArgument("position (from 1) and hash (64 hex digits) are required",
                           "invalid-query");
  }
  return Blocking{
      [&ctx = call.ctx, p = **position, hash](const http::Request& req) -> Result<http::Response> {
        auto out = VerifyReceipt(ctx, p, hash);
        if (!out.ok()) return out.status();
        return http::MakeJson(status::ok, *out, req);
      }};
}

}  // namespace

void AddReceiptRoutes(Routes& routes) {
  routes.Add(verb::get, "/v1/receipts/verify", Anyone(), VerifyReceiptRoute);
}

}  // namespace hoering::app
