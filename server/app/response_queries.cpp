#include "server/app/response_queries.h"

#include "domain/consultations/attachments.h"
#include "server/app/consultation_access.h"

namespace hoering::app {

namespace cs = consultations;

nlohmann::json Page::ToJson() const {
  return {{"items", items}, {"next", next ? nlohmann::json(*next) : nlohmann::json()}};
}

Result<Page> ResponsesPage(AppContext& ctx, const access::Principal& who,
                           const ResponsesQuery& query) {
  auto c = LoadConsultation(ctx, query.consultation);
  if (!c.ok()) return c.status();
  const bool closed = (*c)->PhaseAt(ctx.clock()) == cs::Phase::kClosed;
  const cs::Reader reader = ReaderOf(who);
  auto all =
      ctx.models.Read([&](const Views& v) { return v.consultations.ResponsesOf((*c)->info().id); });
  Page page;
  bool started = query.after.empty();
  std::string last;
  for (const auto& r : all) {
    if (!started) {
      started = r->id() == query.after;
      continue;
    }
    if (!query.party.empty() && r->party() != query.party) continue;
    const cs::Visibility v = cs::VisibilityOf(reader, *r, closed);
    if (v == cs::Visibility::kHidden) continue;
    if (page.items.size() == query.limit) {
      page.next = last;
      break;
    }
    page.items.push_back(cs::ResponseJson(*r, v, CitedByFor(ctx, r->id())));
    last = r->id();
  }
  return page;
}

Result<ResponseDocument> ResponseFor(AppContext& ctx, const access::Principal& who,
                                     const std::string& consultation, const std::string& response) {
  auto seen = LoadVisibleResponse(ctx, who, consultation, response);
  if (!seen.ok()) return seen.status();
  return ResponseDocument{
      cs::ResponseJson(*seen->response, seen->visibility, CitedByFor(ctx, response)),
      seen->response->version()};
}

Result<Page> RevisionsFor(AppContext& ctx, const access::Principal& who,
                          const std::string& consultation, const std::string& response) {
  auto seen = LoadVisibleResponse(ctx, who, consultation, response);
  if (!seen.ok()) return seen.status();
  Page page;
  for (const auto& rev : seen->response->revisions()) {
    page.items.push_back(cs::RevisionJson(*seen->response, rev, seen->visibility));
  }
  return page;
}

Result<AttachmentFile> AttachmentFor(AppContext& ctx, const access::Principal& who,
                                     const std::string& consultation, const std::string& response,
                                     const std::string& sha256) {
  auto seen = LoadVisibleResponse(ctx, who, consultation, response);
  if (!seen.ok()) return seen.status();
  const cs::AttachmentRef* ref = nullptr;
  for (const auto& rev : seen->response->revisions()) {
    for (const auto& a : rev.content.attachments) {
      if (a.sha256 == sha256) ref = &a;
    }
  }
  if (ref == nullptr) {
    return NotFound("the response has no attachment " + sha256, "attachment-not-found");
  }
  auto events = ctx.log.ReadStream(cs::AttachmentStream(sha256), 1, 1);
  if (!events.ok()) return events.status();
  std::optional<std::string> bytes;
  if (!events->empty()) {
    auto j = nlohmann::json::parse(events->front().data, nullptr, false);
    if (j.is_object()) bytes = cs::DecodeBase64(j.value("content_base64", ""));
  }
  if (!bytes) {
    return Status(Code::kCorruption, "attachment " + sha256 + " cannot be read from the log",
                  "corruption");
  }
  return AttachmentFile{ref->filename, ref->media_type, std::move(*bytes)};
}

}  // namespace hoering::app
