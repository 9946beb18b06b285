// Api calls on /v1/agreements (api.md "Agreements, change sets, versions"
// and "Decisions, ratification, obligations").
#include "client/lib/api.h"

namespace hoering::client {
namespace {

using nlohmann::json;

std::string AgreementPath(std::string_view id) {
  return Path({"v1", "agreements", id});
}
std::string AgreementPath(std::string_view id, std::string_view sub) {
  return Path({"v1", "agreements", id, sub});
}

// The Accept header for a diff as `format` ("" = the default JSON).
std::string_view DiffAccept(std::string_view format) {
  if (format == "text") return "text/plain, application/problem+json";
  if (format == "html") return "text/html, application/problem+json";
  return {};
}

}  // namespace

Expected<ApiResult> Api::CreateAgreement(const AgreementInput& agreement,
                                         const CallOptions& options) {
  return Call(Verb::post, "/v1/agreements", ToJson(agreement), options);
}

Expected<std::vector<json>> Api::ListAgreements(std::uint32_t page_size) {
  return ListAll("/v1/agreements", page_size);
}

Expected<ApiResult> Api::GetAgreement(std::string_view id, std::string_view at) {
  return Call(Verb::get, WithQuery(AgreementPath(id), {{"at", std::string(at)}}));
}

Expected<ApiResult> Api::GetAgreementMarkdown(std::string_view id, std::string_view at) {
  return GetAs(WithQuery(AgreementPath(id), {{"at", std::string(at)}, {"format", "md"}}),
               "text/markdown, application/json;q=0.5");
}

Expected<ApiResult> Api::ImportAgreementMarkdown(std::string_view id, std::string markdown,
                                                 std::string_view rationale,
                                                 const CallOptions& options) {
  return CallRaw(Verb::post,
                 WithQuery(AgreementPath(id, "import"), {{"rationale", std::string(rationale)}}),
                 std::move(markdown), "text/markdown", options);
}

Expected<ApiResult> Api::RecordChange(std::string_view id, const ChangeSetInput& change_set,
                                      const CallOptions& options) {
  return RecordChange(id, ToJson(change_set), options);
}

Expected<ApiResult> Api::RecordChange(std::string_view id, const json& document,
                                      const CallOptions& options) {
  return Call(Verb::post, AgreementPath(id, "changes"), document, options);
}

Expected<ApiResult> Api::PublishVersion(std::string_view id, const VersionInput& version,
                                        const CallOptions& options) {
  return Call(Verb::post, AgreementPath(id, "versions"), ToJson(version), options);
}

Expected<std::vector<json>> Api::ListVersions(std::string_view id) {
  return ListAll(AgreementPath(id, "versions"));
}

Expected<ApiResult> Api::DiffVersions(std::string_view id, std::string_view from,
                                      std::string_view to, std::string_view format, bool color) {
  const QueryParams q{{"from", std::string(from)},
                      {"to", std::string(to)},
                      {"format", format == "json" ? "" : std::string(format)},
                      {"color", color ? "1" : ""}};
  return GetAs(WithQuery(AgreementPath(id, "diff"), q), DiffAccept(format));
}

Expected<ApiResult> Api::ChangeLog(std::string_view id, std::string_view from,
                                   std::string_view to) {
  return Call(Verb::get, WithQuery(AgreementPath(id, "changes"),
                                   {{"from", std::string(from)}, {"to", std::string(to)}}));
}

Expected<ApiResult> Api::Ratification(std::string_view id, std::string_view version) {
  return Call(Verb::get,
              WithQuery(AgreementPath(id, "ratification"), {{"version", std::string(version)}}));
}

Expected<ApiResult> Api::Obligations(std::string_view id) {
  return Call(Verb::get, AgreementPath(id, "obligations"));
}

Expected<ApiResult> Api::MarkObligationDone(std::string_view id, std::string_view key,
                                            std::string_view evidence, const CallOptions& options) {
  return Call(Verb::post, Path({"v1", "agreements", id, "obligations", key, "done"}),
              json{{"evidence", std::string(evidence)}}, options);
}

}  // namespace hoering::client
