#include "server/app/response_queries.h"

#include <functional>

#include "domain/consultations/attachments.h"
#include "server/app/consultation_access.h"
#include "server/app/response_loader.h"
#include "server/app/stored_content.h"
#include "server/http/problem.h"

namespace hoering::app {

namespace cs = consultations;

namespace {

// Calls show(id, state, visibility) for each response of the page `query`
// asks for that `who` may see, at most query.limit of them, in order of first
// submission; the cursor of the next page, nullopt on the last. Ids are read
// from the index in chunks and each response is folded from the log (the
// cache, or as of a position only up to it, without the cache; responses
// submitted later are skipped); hidden ones and other parties' are skipped,
// so a page may read more ids than it shows.
// With a `listed` hook (and no as_of), a response the cache keeps a listing
// of is judged by the listing's facts and offered to listed(id, listing,
// visibility) first; when that shows it (true), nothing is folded; when not
// (no text for this visibility and these citations), the response is folded
// and judged again by its state, then shown.
using ListedHook = std::function<bool(const std::string& id, const ResponseCache::Listing& listing,
                                      cs::Visibility visibility)>;
template <typename Show>
Result<std::optional<std::string>> EachVisibleResponse(AppContext& ctx,
                                                       const access::Principal& who,
                                                       const ResponsesQuery& query, Show show,
                                                       const ListedHook& listed = nullptr) {
  const AsOf* as_of = query.as_of ? &*query.as_of : nullptr;
  auto c = as_of ? ConsultationAsOf(ctx, query.consultation, *as_of)
                 : LoadConsultation(ctx, query.consultation);
  if (!c.ok()) return c.status();
  const bool closed = (*c)->PhaseAt(as_of ? as_of->now : ctx.clock()) == cs::Phase::kClosed;
  const cs::Reader reader = ReaderOf(who);
  const auto index = ctx.views.responses();
  const std::size_t chunk = std::max<std::size_t>(query.limit + 1, 64);
  std::size_t shown = 0;
  std::string after = query.after;
  std::string last;
  for (;;) {
    auto ids = index->ResponsesOf((*c)->info().id, after, chunk);
    if (!ids.ok()) return ids.status();
    for (const auto& id : *ids) {
      if (listed && !as_of) {
        if (const auto listing = ctx.response_cache.Listed(id)) {
          if (!query.party.empty() && listing->facts.party != query.party) continue;
          const cs::Visibility v = cs::VisibilityOf(reader, listing->facts, closed);
          if (v == cs::Visibility::kHidden) continue;
          if (shown == query.limit) return std::optional<std::string>(last);
          if (listed(id, *listing, v)) {
            ++shown;
            last = id;
            continue;
          }
        }
      }
      auto r = as_of ? ResponseAsOf(ctx, id, *as_of) : ctx.response_cache.Load(id);
      if (!r.ok() && r.status().code() != Code::kCorruption &&
          r.status().code() != Code::kNotFound) {
        return r.status();
      }
      if (!r.ok()) continue;  // a stream that no longer folds: the verify routes report it
      if (!query.party.empty() && (*r)->party() != query.party) continue;
      const cs::Visibility v = cs::VisibilityOf(reader, **r, closed);
      if (v == cs::Visibility::kHidden) continue;
      if (shown == query.limit) return std::optional<std::string>(last);
      show(id, *r, v);
      ++shown;
      last = id;
    }
    if (ids->size() < chunk) break;
    after = ids->back();
  }
  return std::optional<std::string>();
}

}  // namespace

Result<Page> ResponsesPage(AppContext& ctx, const access::Principal& who,
                           const ResponsesQuery& query) {
  const AsOf* as_of = query.as_of ? &*query.as_of : nullptr;
  Page page;
  auto next = EachVisibleResponse(
      ctx, who, query,
      [&](const std::string& id, const std::shared_ptr<const cs::ResponseState>& r,
          cs::Visibility v) {
        page.items.push_back(cs::ResponseJson(*r, v, CitedByFor(ctx, id, as_of)));
      });
  if (!next.ok()) return next.status();
  page.next = std::move(next).value();
  return page;
}

Result<std::string> ResponsesPageText(AppContext& ctx, const access::Principal& who,
                                      const ResponsesQuery& query) {
  const AsOf* as_of = query.as_of ? &*query.as_of : nullptr;
  std::string text = R"({"items":[)";
  bool first = true;
  auto append = [&](const std::string& item) {
    if (!first) text += ',';
    first = false;
    text += item;
  };
  auto next = EachVisibleResponse(
      ctx, who, query,
      [&](const std::string& id, const std::shared_ptr<const cs::ResponseState>& r,
          cs::Visibility v) {
        const auto citations = CitationsFor(ctx, id, as_of);
        append(*ctx.response_cache.RenderedJson(id, r, v, citations, [&] {
          return http::DumpJson(cs::ResponseJson(*r, v, cs::CitedByOf(citations)));
        }));
      },
      [&](const std::string& id, const ResponseCache::Listing& listing, cs::Visibility v) {
        const auto item = listing.TextFor(v, CitationsFor(ctx, id, as_of));
        if (item) append(*item);
        return item != nullptr;
      });
  if (!next.ok()) return next.status();
  text += R"(],"next":)";
  text += *next ? http::DumpJson(**next) : "null";
  text += '}';
  return text;
}

Result<ResponseDocument> ResponseFor(AppContext& ctx, const access::Principal& who,
                                     const std::string& consultation, const std::string& response,
                                     const AsOf* as_of) {
  auto seen = LoadVisibleResponse(ctx, who, consultation, response, as_of);
  if (!seen.ok()) return seen.status();
  return ResponseDocument{
      cs::ResponseJson(*seen->response, seen->visibility, CitedByFor(ctx, response, as_of)),
      seen->response->version()};
}

Result<Page> RevisionsFor(AppContext& ctx, const access::Principal& who,
                          const std::string& consultation, const std::string& response,
                          const AsOf* as_of) {
  auto seen = LoadVisibleResponse(ctx, who, consultation, response, as_of);
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
  auto bytes = StoredContent(ctx.log, sha256);
  if (!bytes.ok()) return bytes.status();
  return AttachmentFile{ref->filename, ref->media_type, std::move(bytes).value()};
}

}  // namespace hoering::app
