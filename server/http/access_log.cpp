#include "server/http/access_log.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace hoering::http {

std::string FormatAccessLine(LogFormat format, const AccessRecord& r) {
  if (format == LogFormat::kJson) {
    nlohmann::ordered_json line = {
        {"msg", "access"},
        {"method", r.method},
        {"path", r.path},
        {"status", r.status},
        {"duration_ms", std::round(r.duration_ms * 1000) / 1000},
        {"request_id", r.request_id},
        {"remote", r.remote},
    };
    if (!r.log_position.empty()) line["position"] = r.log_position;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string out = fmt::format("{} {} {} {:.2f}ms id={} remote={}", r.method, r.path, r.status,
                                r.duration_ms, r.request_id, r.remote);
  if (!r.log_position.empty()) out += " position=" + r.log_position;
  return out;
}

void LogAccess(spdlog::logger* logger, LogFormat format, const AccessRecord& record) {
  if (logger == nullptr) logger = spdlog::default_logger_raw();
  if (!logger->should_log(spdlog::level::info)) return;
  logger->info(FormatAccessLine(format, record));
}

}  // namespace hoering::http
