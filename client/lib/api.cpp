#include "client/lib/api.h"

#include "domain/decimal.h"

namespace hoering::client {
namespace {

using nlohmann::json;

ApiError BadResponse(std::string detail, int status) {
  return ClientError(Status(Code::kUnavailable, std::move(detail), "bad-response"), status);
}

}  // namespace

std::optional<std::uint64_t> PositionFromJson(const json& j) {
  if (j.is_number_unsigned()) return j.get<std::uint64_t>();
  if (j.is_number_integer() && j.get<std::int64_t>() >= 0) return j.get<std::uint64_t>();
  if (j.is_string()) return ParseDecimal<std::uint64_t>(j.get<std::string>());
  return std::nullopt;
}

Api::Api(HttpClient http, std::string token) : http_(std::move(http)), token_(std::move(token)) {}

Expected<Api> Api::Connect(std::string_view base_url, std::string token,
                           HttpClientOptions options) {
  auto http = HttpClient::Create(base_url, std::move(options));
  if (!http.ok()) return ClientError(http.status());
  return Api(std::move(http).value(), std::move(token));
}

Headers Api::RequestHeaders(const CallOptions& options) const {
  Headers h = options.headers;
  if (!h.Has("Accept")) h.Set("Accept", "application/json");
  if (!token_.empty()) h.Set("Authorization", "Bearer " + token_);
  if (!options.idempotency_key.empty()) h.Set("Idempotency-Key", options.idempotency_key);
  if (!options.if_match.empty()) h.Set("If-Match", options.if_match);
  if (options.min_position) h.Set("X-Min-Position", std::to_string(*options.min_position));
  return h;
}

Expected<ApiResult> Api::Interpret(Result<HttpResponse> response) const {
  if (!response.ok()) return ClientError(response.status());
  HttpResponse& r = response.value();
  if (!IsSuccess(r.status)) return ProblemFromResponse(r);
  ApiResult out;
  out.status = r.status;
  if (!r.body.empty()) {
    out.body = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    if (out.body.is_discarded()) {
      out.body = nullptr;
      auto type = r.headers.Get("Content-Type");
      if (type && type->find("json") != std::string_view::npos) {
        return BadResponse("the answer claims to be JSON but does not parse", r.status);
      }
    }
  }
  if (out.body.is_object() && out.body.contains("position")) {
    out.position = PositionFromJson(out.body["position"]);
  }
  if (!out.position) {
    if (auto h = r.headers.Get("X-Log-Position")) out.position = ParseDecimal<std::uint64_t>(*h);
  }
  if (auto etag = r.headers.Get("ETag")) out.etag = std::string(*etag);
  out.raw = std::move(r.body);
  out.headers = std::move(r.headers);
  return out;
}

Expected<ApiResult> Api::Call(Verb method, std::string_view target, const json& body,
                              const CallOptions& options) {
  if (body.is_null()) return CallRaw(method, target, {}, {}, options);
  return CallRaw(method, target, body.dump(), "application/json", options);
}

Expected<ApiResult> Api::CallRaw(Verb method, std::string_view target, std::string body,
                                 std::string_view content_type, const CallOptions& options) {
  return Interpret(
      http_.Send(method, target, std::move(body), content_type, RequestHeaders(options)));
}

Expected<ApiResult> Api::GetAs(std::string_view target, std::string_view accept) {
  CallOptions options;
  if (!accept.empty()) options.headers.Set("Accept", std::string(accept));
  return Call(Verb::get, target, nullptr, options);
}

Expected<std::vector<json>> Api::ListAll(std::string_view path, std::uint32_t page_size,
                                         const CallOptions& options) {
  return ListAllWhere(path, {}, page_size, options);
}

Expected<std::vector<json>> Api::ListAllWhere(std::string_view path, const QueryParams& filters,
                                              std::uint32_t page_size, const CallOptions& options) {
  std::vector<json> items;
  std::string after;
  for (;;) {
    QueryParams q = filters;
    q.emplace_back("limit", page_size ? std::to_string(page_size) : "");
    q.emplace_back("after", after);
    auto page = Call(Verb::get, WithQuery(path, q), nullptr, options);
    if (!page.ok()) return page.error();
    const json& body = page->body;
    if (!body.is_object() || !body.contains("items") || !body["items"].is_array()) {
      return BadResponse("a list answer needs an `items` array", page->status);
    }
    for (const auto& item : body["items"]) items.push_back(item);
    const json next = body.value("next", json());
    if (next.is_null() || body["items"].empty()) return items;
    std::string cursor = next.is_string() ? next.get<std::string>() : next.dump();
    if (cursor == after) return BadResponse("the list cursor did not advance", page->status);
    after = std::move(cursor);
  }
}

Expected<ApiResult> Api::RegisterParty(const PartyInput& party, const CallOptions& options) {
  return Call(Verb::post, "/v1/parties", ToJson(party), options);
}

Expected<ApiResult> Api::GetParty(std::string_view id, const CallOptions& options) {
  return Call(Verb::get, Path({"v1", "parties", id}), nullptr, options);
}

Expected<std::vector<json>> Api::ListParties(std::uint32_t page_size) {
  return ListAll("/v1/parties", page_size);
}

Expected<ApiResult> Api::IssueToken(const TokenRequest& request, const CallOptions& options) {
  return Call(Verb::post, "/v1/admin/tokens", ToJson(request), options);
}

Expected<ApiResult> Api::RevokeToken(std::string_view id, const CallOptions& options) {
  return Call(Verb::delete_, Path({"v1", "admin", "tokens", id}), nullptr, options);
}

Expected<std::vector<json>> Api::ListTokens(std::uint32_t page_size) {
  return ListAll("/v1/admin/tokens", page_size);
}

Expected<EventPage> Api::ReadEvents(std::uint64_t from, std::uint32_t limit, bool with_data) {
  QueryParams q{{"from", std::to_string(from)},
                {"limit", limit ? std::to_string(limit) : ""},
                {"data", with_data ? "" : "false"}};
  auto r = Call(Verb::get, WithQuery("/v1/events", q));
  if (!r.ok()) return r.error();
  const json& body = r->body;
  if (!body.is_object() || !body.contains("items") || !body["items"].is_array()) {
    return BadResponse("/v1/events needs an `items` array", r->status);
  }
  EventPage page;
  page.items = body["items"].get<std::vector<json>>();
  const json next = body.value("next", json());
  if (!next.is_null()) {
    page.next = PositionFromJson(next);
    if (!page.next) return BadResponse("/v1/events `next` is not a position", r->status);
  }
  return page;
}

Expected<std::uint64_t> Api::ScanEvents(std::uint64_t from, std::optional<std::uint64_t> to,
                                        std::uint32_t page_size,
                                        const std::function<bool(const json&)>& visit,
                                        bool with_data) {
  std::uint64_t visited = 0;
  while (!to || from <= *to) {
    std::uint32_t limit = page_size;
    if (to && limit != 0 && *to - from + 1 < limit)
      limit = static_cast<std::uint32_t>(*to - from + 1);
    auto page = ReadEvents(from, limit, with_data);
    if (!page.ok()) return page.error();
    for (const json& event : page->items) {
      auto position = PositionFromJson(event.value("position", json()));
      if (to && position && *position > *to) return visited;
      ++visited;
      if (!visit(event)) return visited;
    }
    if (!page->next || page->items.empty()) return visited;
    if (*page->next <= from) return BadResponse("/v1/events `next` did not advance", 200);
    from = *page->next;
  }
  return visited;
}

Expected<ApiResult> Api::TailEvents(std::optional<std::uint64_t> from,
                                    const std::function<bool(const json&)>& on_event) {
  QueryParams q{{"from", from ? std::to_string(*from) : ""}};
  std::string bad;
  auto r =
      http_.Stream(WithQuery("/v1/events/live", q), RequestHeaders({}), [&](const SseEvent& e) {
        json event = json::parse(e.data, nullptr, false);
        if (event.is_discarded()) {
          bad = "event " + e.id + " carries data that is not JSON";
          return false;
        }
        return on_event(event);
      });
  if (!bad.empty()) return BadResponse(bad, 200);
  return Interpret(std::move(r));
}

Expected<ApiResult> Api::Verify() {
  return Call(Verb::get, "/v1/verify");
}
Expected<ApiResult> Api::ProjectionStatus() {
  return Call(Verb::get, "/v1/admin/projections");
}
Expected<ApiResult> Api::RebuildProjections() {
  return Call(Verb::post, "/v1/admin/projections/rebuild", nlohmann::json::object());
}
Expected<ApiResult> Api::CheckpointProjections() {
  return Call(Verb::post, "/v1/admin/projections/checkpoint", nlohmann::json::object());
}
Expected<ApiResult> Api::Health() {
  return Call(Verb::get, "/healthz");
}
Expected<ApiResult> Api::Ready() {
  return Call(Verb::get, "/readyz");
}
Expected<ApiResult> Api::Metrics() {
  CallOptions options;
  options.headers.Set("Accept", "text/plain");
  return Call(Verb::get, "/metrics", nullptr, options);
}

}  // namespace hoering::client
