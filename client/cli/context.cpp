#include "client/cli/context.h"

#include <chrono>

namespace hoering::client {

Expected<Api*> CliContext::api() {
  if (!api_) {
    HttpClientOptions http;
    http.timeout = std::chrono::milliseconds(static_cast<long long>(options_.timeout_s * 1000));
    auto api = Api::Connect(options_.url, options_.token, http);
    if (!api.ok()) return api.error();
    api_.emplace(std::move(api).value());
  }
  return &*api_;
}

int CliContext::RunAction() {
  if (!action_) return Usage("no command given");
  return action_();
}

int CliContext::Fail(const ApiError& e) {
  err_ << "error: " << e.title;
  if (e.status != 0) err_ << " (HTTP " << e.status << ")";
  err_ << '\n';
  if (!e.detail.empty()) err_ << "  " << e.detail << '\n';
  if (!e.type.empty()) err_ << "  type: " << e.type << '\n';
  return ExitCodeFor(e);
}

int CliContext::Usage(const std::string& message) {
  err_ << "hoering: " << message << "\nRun with --help for more information.\n";
  return kExitUsage;
}

std::optional<std::string> CliContext::RenderFormat(const std::string& format,
                                                    const std::string& fallback,
                                                    const std::string& what) {
  if (!options_.json) return format.empty() ? fallback : format;
  if (format.empty() || format == "json") return "json";
  Usage("--json prints the JSON " + what + "; it excludes --format " + format);
  return std::nullopt;
}

int CliContext::PrintJson(const nlohmann::json& j) {
  out_ << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace hoering::client
