// Responses as a caller may see them: what GET .../responses... answer and
// what the web pages will show. Routes and pages ask these; how the read
// views keep responses stays behind them, so the views can move out of
// memory without touching a route.
//
// Visibility (domain/consultations/visibility.h) decides what each caller
// sees; a hidden response is 404 "response-not-found", never 403, so its
// existence is not revealed. 404 "consultation-not-found" for an unknown
// consultation.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/access/access.h"
#include "server/app/app_context.h"
#include "server/app/page.h"
#include "server/app/record_as_of.h"

namespace hoering::app {

struct ResponsesQuery {
  std::string consultation;
  std::string after;  // cursor: the id of the last response of the previous page
  std::size_t limit = 100;
  std::string party;  // only this party's responses; empty: all
  // The record as of a position (record_as_of.h); nullopt: as it is now.
  std::optional<AsOf> as_of;
};

// The responses of a consultation the caller may see, in order of first
// submission. With `as_of`, the responses submitted by then, each as it
// stood then, seen as the caller would have seen them then.
Result<Page> ResponsesPage(AppContext& ctx, const access::Principal& who,
                           const ResponsesQuery& query);
// The same page as the API's JSON text, byte for byte
// http::DumpJson(ResponsesPage(...).ToJson()), each response's text kept in
// the response cache (response_cache.h) so that a page read again is
// concatenated instead of rendered.
Result<std::string> ResponsesPageText(AppContext& ctx, const access::Principal& who,
                                      const ResponsesQuery& query);

struct ResponseDocument {
  nlohmann::json body;        // the response as the caller may see it
  std::uint64_t version = 0;  // the stream version (ETag)
};
// `as_of`: the response as it stood then (record_as_of.h).
Result<ResponseDocument> ResponseFor(AppContext& ctx, const access::Principal& who,
                                     const std::string& consultation, const std::string& response,
                                     const AsOf* as_of = nullptr);

// Every revision of a response as the caller may see it, oldest first
// (those submitted by `as_of`'s position when given).
Result<Page> RevisionsFor(AppContext& ctx, const access::Principal& who,
                          const std::string& consultation, const std::string& response,
                          const AsOf* as_of = nullptr);

struct AttachmentFile {
  std::string filename;
  std::string media_type;
  std::string bytes;
};
// An attachment of a response the caller may see, read from the log. 404
// "attachment-not-found" when no revision names it; kCorruption when the log
// cannot give it back.
Result<AttachmentFile> AttachmentFor(AppContext& ctx, const access::Principal& who,
                                     const std::string& consultation, const std::string& response,
                                     const std::string& sha256);

}  // namespace hoering::app
