// Api calls on /v1/consultations: consultations, their responses and the
// dispositions of response points (api.md "Consultations and responses").
#include "client/lib/api.h"

namespace hoering::client {
namespace {

using nlohmann::json;

std::string ConsultationPath(std::string_view id, std::string_view sub) {
  return Path({"v1", "consultations", id, sub});
}
std::string ResponsePath(std::string_view consultation, std::string_view response) {
  return Path({"v1", "consultations", consultation, "responses", response});
}
std::string ResponsePath(std::string_view consultation, std::string_view response,
                         std::string_view sub) {
  return Path({"v1", "consultations", consultation, "responses", response, sub});
}
std::string DispositionPath(const PointRef& p) {
  const std::string n = std::to_string(p.point);
  return Path(
      {"v1", "consultations", p.consultation, "responses", p.response, "points", n, "disposition"});
}

// The Accept header for a report as `format` ("" = the default JSON).
std::string_view ReportAccept(std::string_view format) {
  if (format == "md") return "text/markdown, application/problem+json";
  if (format == "html") return "text/html, application/problem+json";
  if (format == "csv") return "text/csv, application/problem+json";
  return {};
}

// {reason} or {} when there is none.
json ReasonBody(const std::optional<std::string>& reason) {
  json body = json::object();
  if (reason) body["reason"] = *reason;
  return body;
}

}  // namespace

Expected<ApiResult> Api::OpenConsultation(const ConsultationInput& consultation,
                                          const CallOptions& options) {
  return Call(Verb::post, "/v1/consultations", ToJson(consultation), options);
}

Expected<ApiResult> Api::ExtendConsultation(std::string_view id, std::string_view closes_at,
                                            std::string_view reason, const CallOptions& options) {
  return Call(Verb::post, ConsultationPath(id, "extend"),
              json{{"closes_at", std::string(closes_at)}, {"reason", std::string(reason)}},
              options);
}

Expected<ApiResult> Api::CloseConsultation(std::string_view id,
                                           const std::optional<std::string>& reason,
                                           const CallOptions& options) {
  return Call(Verb::post, ConsultationPath(id, "close"), ReasonBody(reason), options);
}

Expected<ApiResult> Api::GetConsultation(std::string_view id) {
  return Call(Verb::get, Path({"v1", "consultations", id}));
}

Expected<std::vector<json>> Api::ListConsultations(std::string_view agreement) {
  return ListAllWhere("/v1/consultations", {{"agreement", std::string(agreement)}});
}

Expected<ApiResult> Api::ConsultationReport(std::string_view id, std::string_view format,
                                            std::string_view lang) {
  return GetAs(WithQuery(ConsultationPath(id, "report"),
                         {{"format", std::string(format)}, {"lang", std::string(lang)}}),
               ReportAccept(format));
}

Expected<ApiResult> Api::SubmitResponse(std::string_view consultation,
                                        const ResponseSubmission& submission,
                                        const CallOptions& options) {
  return Call(Verb::post, ConsultationPath(consultation, "responses"), ToJson(submission), options);
}

Expected<ApiResult> Api::AmendResponse(std::string_view consultation, std::string_view response,
                                       const ResponseSubmission& submission,
                                       const CallOptions& options) {
  return Call(Verb::put, ResponsePath(consultation, response), ToJson(submission), options);
}

Expected<ApiResult> Api::WithdrawResponse(std::string_view consultation, std::string_view response,
                                          const std::optional<std::string>& reason,
                                          const CallOptions& options) {
  return Call(Verb::post, ResponsePath(consultation, response, "withdraw"), ReasonBody(reason),
              options);
}

Expected<ApiResult> Api::GetResponse(std::string_view consultation, std::string_view response) {
  return Call(Verb::get, ResponsePath(consultation, response));
}

Expected<ApiResult> Api::ResponseRevisions(std::string_view consultation,
                                           std::string_view response) {
  return Call(Verb::get, ResponsePath(consultation, response, "revisions"));
}

Expected<std::vector<json>> Api::ListResponses(std::string_view consultation,
                                               std::string_view party) {
  return ListAllWhere(ConsultationPath(consultation, "responses"), {{"party", std::string(party)}});
}

Expected<ApiResult> Api::SetDisposition(const PointRef& point, const DispositionInput& disposition,
                                        const CallOptions& options) {
  return Call(Verb::put, DispositionPath(point), ToJson(disposition), options);
}

Expected<ApiResult> Api::GetDisposition(const PointRef& point) {
  return Call(Verb::get, DispositionPath(point));
}

}  // namespace hoering::client
