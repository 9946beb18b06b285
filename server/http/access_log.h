// One access-log line per completed request, through spdlog at info level.
//
//   text: GET /v1/parties 201 3.21ms id=9f2c41d07ab35e10 remote=127.0.0.1:53412 position=42
//   json: {"msg":"access","method":"GET","path":"/v1/parties","status":201,"duration_ms":3.21,
//          "request_id":"9f2c41d07ab35e10","remote":"127.0.0.1:53412","position":"42"}
// `position` is the X-Log-Position response header, left out when absent. The
// path excludes the query string (it may carry cursors or secrets). For JSON
// lines, give the logger the pattern "%v" to get pure JSON Lines.
//
// Thread safety: pure functions; spdlog loggers are thread-safe.
#pragma once

#include <spdlog/logger.h>

#include <string>

namespace hoering::http {

enum class LogFormat { kText, kJson };

struct AccessRecord {
  std::string method;
  std::string path;
  unsigned status = 0;
  double duration_ms = 0;
  std::string request_id;
  std::string remote;
  std::string log_position;  // empty when the response had no X-Log-Position
};

std::string FormatAccessLine(LogFormat format, const AccessRecord& record);

// Logs FormatAccessLine(...) at info level. A null logger means spdlog's default logger.
void LogAccess(spdlog::logger* logger, LogFormat format, const AccessRecord& record);

}  // namespace hoering::http
