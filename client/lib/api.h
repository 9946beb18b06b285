// Typed calls for the hoering HTTP API (docs/api.md; the contract is
// ../shared/design/api.md).
//
// Every call returns Expected<...>: the answer on 2xx, otherwise an ApiError
// carrying the server's problem+json (or a client-side transport error with
// status 0). Nothing here throws for HTTP or transport failures.
//
// An Api owns one HttpClient, so it is NOT thread-safe: one Api per thread.
// Every route the `hoering` CLI uses has a typed call here: it builds the
// target (each path segment and query value percent-encoded, target.h) and
// the JSON body (api_inputs.h). Call()/CallRaw() remain for any other route.
// Definitions by resource: api.cpp (generic, parties, tokens, log,
// operations), api_agreements.cpp, api_consultations.cpp (consultations,
// responses, dispositions), api_invitations.cpp (invitations),
// api_decisions.cpp (decisions, traces, receipts).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/lib/api_inputs.h"
#include "client/lib/expected.h"
#include "client/lib/http_client.h"
#include "client/lib/http_types.h"
#include "client/lib/target.h"

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
  // The same with `filters` as query parameters (empty values left out).
  Expected<std::vector<nlohmann::json>> ListAllWhere(std::string_view path,
                                                     const QueryParams& filters,
                                                     std::uint32_t page_size = 0,
                                                     const CallOptions& options = {});

  // --- parties and access --------------------------------------------------
  Expected<ApiResult> RegisterParty(const PartyInput& party, const CallOptions& options = {});
  Expected<ApiResult> GetParty(std::string_view id, const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListParties(std::uint32_t page_size = 0);
  Expected<ApiResult> IssueToken(const TokenRequest& request, const CallOptions& options = {});
  Expected<ApiResult> RevokeToken(std::string_view id, const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListTokens(std::uint32_t page_size = 0);

  // --- the log -------------------------------------------------------------
  // One page from position `from` (1 = the start); `limit` 0 = server default;
  // without `with_data` the events come without data and data_canonical.
  Expected<EventPage> ReadEvents(std::uint64_t from, std::uint32_t limit = 0,
                                 bool with_data = true);
  // Pages through the log from `from` up to and including `to` (nullopt: the
  // current end), calling `visit` per event in position order until it returns
  // false. Returns the number of events visited.
  Expected<std::uint64_t> ScanEvents(std::uint64_t from, std::optional<std::uint64_t> to,
                                     std::uint32_t page_size,
                                     const std::function<bool(const nlohmann::json&)>& visit,
                                     bool with_data = true);
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

  // --- agreements (api.md "Agreements, change sets, versions") -------------
  // `at` below and `from`/`to`: version number | label | position:<p> |
  // time:<RFC 3339> (`to` also: current); "" = not sent.
  Expected<ApiResult> CreateAgreement(const AgreementInput& agreement,
                                      const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListAgreements(std::uint32_t page_size = 0);
  // The text at `at` ("" = now) as JSON {id, title, ..., sections}.
  Expected<ApiResult> GetAgreement(std::string_view id, std::string_view at = {});
  // The text at `at` as Markdown (?format=md): an answer in `raw`, or a JSON
  // {markdown} or the JSON text from a server that does not render it.
  Expected<ApiResult> GetAgreementMarkdown(std::string_view id, std::string_view at = {});
  // Makes a Markdown document the text, as one change set (?rationale=, ""
  // lets the server choose).
  Expected<ApiResult> ImportAgreementMarkdown(std::string_view id, std::string markdown,
                                              std::string_view rationale,
                                              const CallOptions& options = {});
  Expected<ApiResult> RecordChange(std::string_view id, const ChangeSetInput& change_set,
                                   const CallOptions& options = {});
  // A change set given as a whole JSON document (e.g. read from a file), sent
  // as it is.
  Expected<ApiResult> RecordChange(std::string_view id, const nlohmann::json& document,
                                   const CallOptions& options = {});
  Expected<ApiResult> PublishVersion(std::string_view id, const VersionInput& version,
                                     const CallOptions& options = {});
  Expected<std::vector<nlohmann::json>> ListVersions(std::string_view id);
  // The diff rendered as `format`: "json" (the JSON diff), "text" (in `raw`;
  // ANSI colours when `color`) or "html" (in `raw`).
  Expected<ApiResult> DiffVersions(std::string_view id, std::string_view from, std::string_view to,
                                   std::string_view format, bool color = false);
  // The change sets between two points: {from, to, reversed, items}.
  Expected<ApiResult> ChangeLog(std::string_view id, std::string_view from, std::string_view to);
  // Which parties approved `version` ("" = the latest); concluded?
  Expected<ApiResult> Ratification(std::string_view id, std::string_view version = {});
  Expected<ApiResult> Obligations(std::string_view id);
  Expected<ApiResult> MarkObligationDone(std::string_view id, std::string_view key,
                                         std::string_view evidence,
                                         const CallOptions& options = {});

  // --- consultations, responses, dispositions ------------------------------
  Expected<ApiResult> OpenConsultation(const ConsultationInput& consultation,
                                       const CallOptions& options = {});
  Expected<ApiResult> ExtendConsultation(std::string_view id, std::string_view closes_at,
                                         std::string_view reason, const CallOptions& options = {});
  Expected<ApiResult> CloseConsultation(std::string_view id,
                                        const std::optional<std::string>& reason,
                                        const CallOptions& options = {});
  Expected<ApiResult> GetConsultation(std::string_view id);
  // All consultations, or those on `agreement` ("" = all).
  Expected<std::vector<nlohmann::json>> ListConsultations(std::string_view agreement = {});
  // The report as `format`: "md", "html" or "csv" in `raw`, or "json".
  // `lang` ("da" | "en", or "" for the server's choice) is the language of
  // the md and html report.
  Expected<ApiResult> ConsultationReport(std::string_view id, std::string_view format,
                                         std::string_view lang = "");
  Expected<ApiResult> SubmitResponse(std::string_view consultation,
                                     const ResponseSubmission& submission,
                                     const CallOptions& options = {});
  // A new revision of `response` (PUT).
  Expected<ApiResult> AmendResponse(std::string_view consultation, std::string_view response,
                                    const ResponseSubmission& submission,
                                    const CallOptions& options = {});
  Expected<ApiResult> WithdrawResponse(std::string_view consultation, std::string_view response,
                                       const std::optional<std::string>& reason,
                                       const CallOptions& options = {});
  Expected<ApiResult> GetResponse(std::string_view consultation, std::string_view response);
  // Every revision with its receipt: {items}.
  Expected<ApiResult> ResponseRevisions(std::string_view consultation, std::string_view response);
  // The responses to `consultation`, or only `party`'s ("" = all).
  Expected<std::vector<nlohmann::json>> ListResponses(std::string_view consultation,
                                                      std::string_view party = {});
  Expected<ApiResult> SetDisposition(const PointRef& point, const DispositionInput& disposition,
                                     const CallOptions& options = {});
  // {current, history}.
  Expected<ApiResult> GetDisposition(const PointRef& point);

  // --- invitations (api.md "Invitations") ----------------------------------
  // A new invitation of `party`: {id, party, consultation, code, link,
  // expires_at, ...}; `code` and `link` are in this answer only.
  Expected<ApiResult> IssueInvitation(std::string_view consultation, std::string_view party,
                                      const CallOptions& options = {});
  // Every invitation of `consultation` (never a code), in the order issued.
  Expected<std::vector<nlohmann::json>> ListInvitations(std::string_view consultation);
  Expected<ApiResult> RevokeInvitation(std::string_view consultation, std::string_view id,
                                       const std::optional<std::string>& reason,
                                       const CallOptions& options = {});

  // --- decisions, audit ----------------------------------------------------
  Expected<ApiResult> RecordDecision(const DecisionInput& decision,
                                     const CallOptions& options = {});
  // A decision given as a whole JSON document (e.g. read from a file), sent
  // as it is except that a non-empty `id` replaces its "id".
  Expected<ApiResult> RecordDecision(nlohmann::json document, std::string_view id,
                                     const CallOptions& options = {});
  Expected<ApiResult> GetDecision(std::string_view id);
  // All decisions, or those on `agreement` ("" = all).
  Expected<std::vector<nlohmann::json>> ListDecisions(std::string_view agreement = {});
  // Condition `n` (from 1) of decision `id` was fulfilled.
  Expected<ApiResult> FulfilCondition(std::string_view id, unsigned n, std::string_view evidence,
                                      const CallOptions& options = {});
  // GET /v1/trace/decisions/{id} and /v1/trace/responses/{rid}.
  Expected<ApiResult> TraceDecision(std::string_view id);
  Expected<ApiResult> TraceResponse(std::string_view response);
  // Whether the event at `position` still has `hash` (hex) and links up to
  // the head: {ok, matches, event_intact, event, chain}.
  Expected<ApiResult> VerifyReceipt(std::uint64_t position, std::string_view hash);

 private:
  Headers RequestHeaders(const CallOptions& options) const;
  // A GET sent with `accept` as its Accept header ("" = the default JSON).
  Expected<ApiResult> GetAs(std::string_view target, std::string_view accept);
  Expected<ApiResult> Interpret(Result<HttpResponse> response) const;

  HttpClient http_;
  std::string token_;
};

// Reads an unsigned position from a JSON number or decimal string.
std::optional<std::uint64_t> PositionFromJson(const nlohmann::json& j);

}  // namespace hoering::client
