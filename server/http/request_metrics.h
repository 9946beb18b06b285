// The HTTP request series: hoering_http_requests_total{route,method,status}
// (counter) and hoering_http_request_duration_seconds{route} (histogram,
// DefaultLatencyBuckets()). `route` is a pattern, never a raw path, to keep
// the label set bounded.
//
// Thread safety: Record() may be called concurrently from any thread.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <string_view>

#include "server/http/metrics.h"

namespace hoering::http {

class RequestMetrics {
 public:
  // Registers (or finds) both families in `registry`, which must outlive this.
  explicit RequestMetrics(MetricsRegistry& registry);

  void Record(std::string_view route, boost::beast::http::verb method, unsigned status,
              double seconds);

 private:
  CounterFamily& requests_;
  HistogramFamily& duration_;
};

}  // namespace hoering::http
