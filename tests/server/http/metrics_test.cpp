#include "server/http/metrics.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace hoering::http {
namespace {

TEST(MetricsTest, RendersCounterWithLabels) {
  MetricsRegistry reg;
  auto& c = reg.AddCounter("hoering_http_requests_total", "Requests.", {"route", "status"});
  c.With({"/v1/parties", "200"}).Inc();
  c.With({"/v1/parties", "200"}).Inc(2);
  c.With({"say \"hi\"\\\n", "500"}).Inc();
  EXPECT_EQ(reg.Render(),
            "# HELP hoering_http_requests_total Requests.\n"
            "# TYPE hoering_http_requests_total counter\n"
            "hoering_http_requests_total{route=\"/v1/parties\",status=\"200\"} 3\n"
            "hoering_http_requests_total{route=\"say \\\"hi\\\"\\\\\\n\",status=\"500\"} 1\n");
}

TEST(MetricsTest, RendersHistogramCumulatively) {
  MetricsRegistry reg;
  auto& h = reg.AddHistogram("hoering_store_append_batch_size", "Events per batch.", {}, {1, 4});
  h.With({}).Observe(1);    // le=1
  h.With({}).Observe(3);    // le=4
  h.With({}).Observe(100);  // +Inf
  EXPECT_EQ(reg.Render(),
            "# HELP hoering_store_append_batch_size Events per batch.\n"
            "# TYPE hoering_store_append_batch_size histogram\n"
            "hoering_store_append_batch_size_bucket{le=\"1\"} 1\n"
            "hoering_store_append_batch_size_bucket{le=\"4\"} 2\n"
            "hoering_store_append_batch_size_bucket{le=\"+Inf\"} 3\n"
            "hoering_store_append_batch_size_sum 104\n"
            "hoering_store_append_batch_size_count 3\n");
}

TEST(MetricsTest, HistogramLabelsComeBeforeLe) {
  MetricsRegistry reg;
  auto& h = reg.AddHistogram("d_seconds", "D.", {"route"}, {0.0005, 5});
  h.With({"/x"}).Observe(0.0001);
  const std::string text = reg.Render();
  EXPECT_NE(text.find("d_seconds_bucket{route=\"/x\",le=\"0.0005\"} 1\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("d_seconds_count{route=\"/x\"} 1\n"), std::string::npos);
}

TEST(MetricsTest, GaugesAndCallbacks) {
  MetricsRegistry reg;
  double head = 41;
  reg.AddCallbackGauge("hoering_store_head_position", "Head.", [&] { return head; });
  reg.AddGauge("g", "A gauge.", {}).With({}).Set(-2.5);
  head = 42;
  EXPECT_EQ(reg.Render(),
            "# HELP g A gauge.\n# TYPE g gauge\ng -2.5\n"
            "# HELP hoering_store_head_position Head.\n"
            "# TYPE hoering_store_head_position gauge\nhoering_store_head_position 42\n");
}

TEST(MetricsTest, ReRegisteringReturnsSameFamily) {
  MetricsRegistry reg;
  auto& a = reg.AddCounter("c_total", "C.", {"x"});
  auto& b = reg.AddCounter("c_total", "C.", {"x"});
  EXPECT_EQ(&a, &b);
  EXPECT_THROW(reg.AddCounter("c_total", "C.", {"y"}), std::invalid_argument);
  EXPECT_THROW(reg.AddGauge("c_total", "C.", {"x"}), std::invalid_argument);
  EXPECT_THROW(reg.AddCounter("bad name", "C.", {}), std::invalid_argument);
  EXPECT_THROW(reg.AddHistogram("h", "H.", {"le"}, {1}), std::invalid_argument);
  EXPECT_THROW(reg.AddHistogram("h", "H.", {}, {2, 1}), std::invalid_argument);
  EXPECT_THROW(a.With({}), std::invalid_argument);
}

TEST(MetricsTest, ConcurrentIncrementsAreCounted) {
  MetricsRegistry reg;
  auto& fam = reg.AddCounter("n_total", "N.", {"t"});
  auto& hist = reg.AddHistogram("h", "H.", {}, DefaultLatencyBuckets());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        fam.With({"same"}).Inc();
        hist.With({}).Observe(0.001);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(fam.With({"same"}).Value(), 40000u);
  EXPECT_EQ(hist.With({}).Read().cumulative.back(), 40000u);
}

}  // namespace
}  // namespace hoering::http
