// GET /manage: the secretariat's start (issue 15). Every consultation with
// its state, deadline, responses received and how many points still lack a
// disposition (TallyOf: one pass over each consultation's entry in the
// point index, kept between requests; docs/web.md), with links to its
// page and its inbox; every agreement with its published versions, links
// to each version's text, to the text editor and to opening a consultation
// on a version. From the queries behind GET /v1/consultations and
// GET /v1/agreements[/{id}/versions].
#include "server/web/pages_manage.h"

#include "domain/agreements/agreement_views.h"
#include "server/app/agreement_access.h"
#include "server/web/local_time.h"
#include "server/web/page_data.h"
#include "server/web/pages.h"

namespace hoering::web {
namespace {

using boost::beast::http::verb;
using nlohmann::json;

json ManagedConsultations(const PageCall& call, const std::vector<json>& all, Status& failed) {
  json out = json::array();
  for (const auto& c : all) {
    json entry = ConsultationEntry(call, c);
    const std::string id = entry["id"];
    entry["manage_href"] = manage::ConsultationHref(id);
    entry["inbox_href"] = manage::InboxHref(id);
    auto tally = manage::TallyOf(call.ctx, id, entry["time_zone"].get<std::string>());
    if (!tally.ok()) {
      failed = tally.status();
      return out;
    }
    entry["undisposed"] = tally->undisposed;
    entry["points"] = tally->points;
    entry["withdrawn"] = tally->withdrawn;
    out.push_back(std::move(entry));
  }
  return out;
}

json ManagedAgreements(const PageCall& call) {
  json out = json::array();
  for (const auto& a : app::AgreementsPage(call.ctx, {"", 1000}).items) {
    const std::string id = a.value("id", "");
    json versions = json::array();
    if (auto state = app::LoadAgreement(call.ctx, id); state.ok()) {
      for (const auto& v : agreements::VersionsToJson(**state)) {
        const std::string number = std::to_string(v.value("number", 0));
        versions.push_back(
            {{"number", number},
             {"label", v.value("label", "")},
             {"published", call.LocalTime(v.value("published_at", json()), kSiteTimeZone)},
             {"href", "/agreements/" + UrlEncode(id) + "?at=" + number},
             {"open_href", "/manage/consultations/new?version=" + UrlEncode(id + "/" + number)}});
      }
    }
    out.push_back({{"id", id},
                   {"title", a.value("title", "")},
                   {"href", "/agreements/" + UrlEncode(id)},
                   {"edit_href", "/manage/agreements/" + UrlEncode(id) + "/edit"},
                   {"versions", versions},
                   {"has_versions", !versions.empty()}});
  }
  return out;
}

Result<PageReply> ShowManage(const PageCall& call) {
  return BlockingPage{[](const PageCall& later) -> Result<HtmlPage> {
    auto all = AllConsultations(later.ctx);
    if (!all.ok()) return all.status();
    Status failed = Status::Ok();
    json consultations = ManagedConsultations(later, *all, failed);
    if (!failed.ok()) return failed;
    json data = {{"consultations", consultations},
                 {"has_consultations", !consultations.empty()},
                 {"agreements", ManagedAgreements(later)}};
    return HtmlPage{"manage", later.T("manage.start.title"), std::move(data)};
  }};
}

}  // namespace

void AddManagePages(Pages& pages) {
  pages.Add(verb::get, "/manage", app::Editors(), ShowManage);
  manage::AddNewConsultationPages(pages);
  manage::AddManagedConsultationPages(pages);
  manage::AddInvitationPages(pages);
  manage::AddRecordResponsePages(pages);
}

}  // namespace hoering::web
