// Typed calls for the hoering HTTP API (docs/api.md; the contract is
// ../shared/design/api.md).
//
// Every call returns Expected<...>: the answer on 2xx, otherwise an ApiError
// carrying the server's problem+json (or a client-side transport error with
// status 0). Nothing here throws for HTTP or transport failures.
//
// An Api owns one HttpClient, so it is NOT thread-safe: one Api per thread.
// Typed wrappers exist for parties, tokens, events and the operations routes;
// the other routes are called through Call()/CallRaw() (the CLI builds their
// paths and bodies itself until typed wrappers replace that).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/lib/expected.h"
#include "client/lib/http_client.h"
#include "client/lib/http_types.h"

namespace hoering::client {

// A successful (2xx) answer.
struct ApiResult {
  int status = 0;
  nlohmann::json body;  // the parsed JSON body; null when the body is empty or not JSON
  std::string raw;      // the body bytes as received
  Headers headers;
  // The log position of a write: the body's "position", else X-Log-Position.
  std::optional<std::uint64_t> position;
  std::string etag;  // ETag header as sent (quotes included), "" if absent
};

// Per-call request options; every field is optional (empty: not sent).
struct CallOptions {
  std::string idempotency_key;                // Idempotency-Key
  std::string if_match;                       // If-Match, sent verbatim (e.g. "\"3\"")
  std::optional<std::uint64_t> min_position;  // X-Min-Position
  Headers headers;                            // anything else
};

struct PartyInput {
  std::string id;
  std::string name;
  std::string kind;  // region | municipality | practice | organisation | authority | committee
};

struct TokenRequest {
  std::string role;   // admin | secretariat | stakeholder | auditor
  std::string party;  // "" = none (required by the server for stakeholder)
  std::string label;
};

// One page of /v1/events: `next` is the `from` of the following page, or
// nullopt at the end of the log.
struct EventPage {
  std::vector<nlohmann::json> items;
  std::optional<std::uint64_t> next;
};

class Api {
 public:
  // `token` is sent as "Authorization: Bearer <token>" unless empty.
  explicit Api(HttpClient http, std::string token = {});
  // Parses `base_url`; an invalid URL is an ApiError of type
  // "urn:hoering:client:bad-url".
  static Expected<Api> Connect(std::string_view base_url, std::string token = {},
                               HttpClientOptions options = {});

  void set_token(std::string token) { token_ = std::move(token); }
  HttpClient& http() { return http_; }

  // --- generic -------------------------------------------------------------
  // Sends `body` as application/json unless it is null (then no body).
  // `target` is path + query, already encoded (see target.h).
  Expected<ApiResult> Call(Verb method, std::string_view target,
                           const nlohmann::json& body = nullptr, const CallOptions& options = {});
  // Same with a raw body (e.g. text/markdown) and a raw, possibly non-JSON answer.
  Expected<ApiResult> CallRaw(Verb method, std::string_view target, std::string body,
                              std::string_view content_type, const CallOptions& options = {});
  // GETs a `{items, next}` list, following `next` through `?after=` until it
  // is null; `page_size` 0 lets the server choose. Items in server order.
  Expected<std::vector<nlohmann::json>> ListAll(std::string_view path, std::uint32_t page_size = 0,
                                                const CallOptions& options = {});

  // --- parties and access --------------------------------------------------
  Expected<ApiResult> RegisterParty(const PartyInput& party, const CallOptions& options = {});
  Expected<ApiResult> GetParty(std::string_view id, const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListParties(std::uint32_t page_size = 0);
  Expected<ApiResult> IssueToken(const TokenRequest& request, const CallOptions& options = {});
  Expected<ApiResult> RevokeToken(std::string_view id, const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListTokens(std::uint32_t page_size = 0);

  // --- the log -------------------------------------------------------------
  // One page from position `from` (1 = the start); `limit` 0 = server default.
  Expected<EventPage> ReadEvents(std::uint64_t from, std::uint32_t limit = 0);
  // Pages through the log from `from` up to and including `to` (nullopt: the
  // current end), calling `visit` per event in position order until it returns
  // false. Returns the number of events visited.
  Expected<std::uint64_t> ScanEvents(std::uint64_t from, std::optional<std::uint64_t> to,
                                     std::uint32_t page_size,
                                     const std::function<bool(const nlohmann::json&)>& visit);
  // Follows /v1/events/live from `from` (nullopt: the server's default),
  // calling `on_event` with each event's
  // JSON until it returns false (or the server ends the stream). Returns the
  // response head. An event whose data is not JSON ends the tail with a
  // "bad-response" error.
  Expected<ApiResult> TailEvents(std::optional<std::uint64_t> from,
                                 const std::function<bool(const nlohmann::json&)>& on_event);
  // Server-side chain verification: {ok, checked, head: {position, hash}, first_bad?, problem?}.
  Expected<ApiResult> Verify();

  // --- operations ----------------------------------------------------------
  Expected<ApiResult> Health();
  Expected<ApiResult> Ready();
  Expected<ApiResult> Metrics();  // Prometheus text in `raw`
  // Read models (docs/api.md "Projections"): status; fold the log from
  // position 1 and report {position, events, seconds, identical, ...}; store a
  // checkpoint now.
  Expected<ApiResult> ProjectionStatus();
  Expected<ApiResult> RebuildProjections();
  Expected<ApiResult> CheckpointProjections();

 private:
  Headers RequestHeaders(const CallOptions& options) const;
  Expected<ApiResult> Interpret(Result<HttpResponse> response) const;

  HttpClient http_;
  std::string token_;
};

// Reads an unsigned position from a JSON number or decimal string.
std::optional<std::uint64_t> PositionFromJson(const nlohmann::json& j);

}  // namespace hoering::client
