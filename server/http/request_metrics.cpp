#include "server/http/request_metrics.h"

#include <string>

namespace hoering::http {

RequestMetrics::RequestMetrics(MetricsRegistry& registry)
    : requests_(registry.AddCounter("hoering_http_requests_total",
                                    "HTTP requests answered, by route pattern, method and status.",
                                    {"route", "method", "status"})),
      duration_(registry.AddHistogram(
          "hoering_http_request_duration_seconds",
          "Time from routing a request to producing its response, by route pattern.", {"route"},
          DefaultLatencyBuckets())) {}

void RequestMetrics::Record(std::string_view route, boost::beast::http::verb method,
                            unsigned status, double seconds) {
  std::string m = method == boost::beast::http::verb::unknown
                      ? std::string("OTHER")
                      : std::string(boost::beast::http::to_string(method));
  requests_.With({std::string(route), std::move(m), std::to_string(status)}).Inc();
  duration_.With({std::string(route)}).Observe(seconds);
}

}  // namespace hoering::http
