// The chain check as a page (auditors, the secretariat, admin; as GET
// /v1/verify):
//   GET  /audit/verify         the job's state: running (since when, how many
//        events the head held when it began, how many are checked: a
//        <progress> and "checked X of Y (Z %)") or the last result (head
//        position and hash, events checked, the first bad position)
//   POST /audit/verify         starts the shared job unless one runs (303 back)
//   GET  /audit/verify/status  the same state as JSON, for site.js to poll
// One job at a time for all readers (app::VerifyJob); without JavaScript the
// page's "refresh" link reloads it (no meta refresh).
#include <algorithm>

#include "domain/sha256.h"
#include "server/app/verify_job.h"
#include "server/app/verify_json.h"
#include "server/web/local_time.h"
#include "server/web/pages_audit.h"

namespace hoering::web {
namespace {

using access::Role;
using boost::beast::http::verb;
using nlohmann::json;

// Whole percent of `target` checked (100 for an empty log).
std::uint64_t Percent(std::uint64_t checked, std::uint64_t target) {
  if (target == 0) return 100;
  return std::min<std::uint64_t>(100, checked * 100 / target);
}

json StateJson(const app::VerifyJobState& s, TimeMs now) {
  json j = {
      {"running", s.running},
      {"runs", s.runs},
      {"target", s.target},
      {"checked", s.checked},
      {"percent", Percent(s.checked, s.target)},
      {"elapsed_ms", s.started_at == 0 ? 0 : (s.running ? now : s.finished_at) - s.started_at}};
  j["report"] = s.report ? app::VerifyReportJson(*s.report) : json();
  return j;
}

Result<PageReply> ShowVerify(const PageCall& call, const std::shared_ptr<app::VerifyJob>& job) {
  const app::VerifyJobState s = job->Snapshot();
  json data = StateJson(s, call.Now());
  data["started"] = s.started_at ? FormatLocalDateTime(s.started_at, kSiteTimeZone, call.lang) : "";
  data["finished"] =
      s.finished_at ? FormatLocalDateTime(s.finished_at, kSiteTimeZone, call.lang) : "";
  data["elapsed_s"] = data["elapsed_ms"].get<std::int64_t>() / 1000;
  if (s.report && !s.running) {
    data["ok"] = s.report->ok;
    data["checked"] = s.report->checked;
    data["head_position"] = s.report->head.position;
    data["head_hash"] = ToHex(s.report->head.hash);
    if (s.report->first_bad) {
      data["first_bad"] = *s.report->first_bad;
      data["problem"] = s.report->problem;
    }
  }
  return HtmlPage{"audit_verify", call.T("audit.verify_title"), std::move(data)};
}

Result<PageReply> StartVerify(const PageCall& call, const std::shared_ptr<app::VerifyJob>& job) {
  job->Start(call.ctx);
  return Redirect{"/audit/verify", {}};
}

Result<PageReply> VerifyStatus(const PageCall& call, const std::shared_ptr<app::VerifyJob>& job) {
  http::Response res{boost::beast::http::status::ok, call.req.version()};
  res.set(boost::beast::http::field::content_type, "application/json");
  res.body() = StateJson(job->Snapshot(), call.Now()).dump();
  res.keep_alive(call.req.keep_alive());
  res.prepare_payload();
  return PageReply(std::move(res));
}

}  // namespace

void AddAuditVerifyPages(Pages& pages) {
  const app::Access readers = app::Only({Role::kAuditor, Role::kAdmin, Role::kSecretariat});
  // Lives as long as the router's routes (the App); a running job keeps its
  // own state alive.
  auto job = std::make_shared<app::VerifyJob>();
  pages.Add(verb::get, "/audit/verify", readers,
            [job](const PageCall& call) { return ShowVerify(call, job); });
  pages.Add(verb::post, "/audit/verify", readers,
            [job](const PageCall& call) { return StartVerify(call, job); });
  pages.Add(verb::get, "/audit/verify/status", readers,
            [job](const PageCall& call) { return VerifyStatus(call, job); });
}

}  // namespace hoering::web
