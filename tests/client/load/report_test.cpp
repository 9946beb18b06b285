#include "client/load/report.h"

#include <gtest/gtest.h>

#include <sstream>

namespace hoering::client::load {
namespace {

LoadReport Sample() {
  LoadReport r;
  r.scenario = "parties";
  r.run_id = "abc123";
  r.config.connections = 8;
  r.config.warmup = std::chrono::milliseconds(1'500);
  r.run.sent = 1'010;
  r.run.acknowledged = 1'000;
  r.run.warmup_sent = 70;
  r.run.seconds = 4;
  r.run.connections_opened = 9;
  r.run.threads = 2;
  r.run.client_cpu_seconds = 0.0202;  // 20 us per sent request
  r.run.errors = {{"409", 7}, {"transport", 3}};
  r.run.error_examples = {"409: HTTP 409: exists", "transport: connection reset"};
  r.latency = LatencySummary{1'000, 1.25, 1.0, 2.5, 7.125, 12.0};
  AckAuditReport a;
  a.acknowledged = 1'070;
  a.confirmed = 1'069;
  a.missing = 1;
  a.lost = 1;
  a.from = 2;
  a.to = 1'081;
  a.examples = {"position 77: missing"};
  r.audit = a;
  r.audit_seconds = 0.5;
  return r;
}

std::string Human(const LoadReport& r) {
  std::ostringstream out;
  PrintHuman(out, r);
  return out.str();
}

TEST(ReportTest, HumanReportWithAnAudit) {
  EXPECT_EQ(Human(Sample()),
            "scenario      parties (run abc123)\n"
            "connections   8 on 2 threads (9 opened)\n"
            "measured      4.00 s after 1.50 s warm-up\n"
            "requests      1010 sent, 1000 acknowledged (70 more during warm-up)\n"
            "throughput    250.0 acknowledged writes/s\n"
            "latency ms    p50 1.000  p90 2.500  p99 7.125  max 12.000  (n=1000)\n"
            "client cpu    20.0 us per request (0.02 s user+sys, measured)\n"
            "errors        409: 7, transport: 3\n"
            "  e.g. 409: HTTP 409: exists\n"
            "  e.g. transport: connection reset\n"
            "audit         re-read positions 2..1081: 1069 of 1070 acknowledged writes confirmed "
            "(missing 1, mismatched 0, duplicates 0) in 0.50 s\n"
            "  position 77: missing\n"
            "lost: 1\n");
}

TEST(ReportTest, HumanReportWithoutErrorsOrAcknowledgements) {
  LoadReport r = Sample();
  r.run.errors.clear();
  r.run.error_examples.clear();
  r.audit = AckAuditReport{};
  const std::string text = Human(r);
  EXPECT_NE(text.find("errors        none\n"), std::string::npos) << text;
  EXPECT_NE(text.find("audit         nothing was acknowledged, nothing to re-read\nlost: 0\n"),
            std::string::npos)
      << text;
}

TEST(ReportTest, HumanReportWhenTheAuditFailed) {
  LoadReport r = Sample();
  r.audit.reset();
  r.audit_error = "Forbidden: auditor or admin only (urn:hoering:forbidden, HTTP 403)";
  const std::string text = Human(r);
  EXPECT_NE(text.find("audit         FAILED: Forbidden: auditor or admin only "
                      "(urn:hoering:forbidden, HTTP 403)\nlost: unknown\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(r.lost(), std::nullopt);
}

TEST(ReportTest, Json) {
  LoadReport r = Sample();
  nlohmann::json j = ToJson(r);
  EXPECT_EQ(j["scenario"], "parties");
  EXPECT_EQ(j["run_id"], "abc123");
  EXPECT_EQ(j["connections"], 8);
  EXPECT_EQ(j["seconds"], 4.0);
  EXPECT_EQ(j["warmup_seconds"], 1.5);
  EXPECT_EQ(j["sent"], 1010);
  EXPECT_EQ(j["warmup_sent"], 70);
  EXPECT_EQ(j["acknowledged"], 1000);
  EXPECT_EQ(j["throughput_per_s"], 250.0);
  EXPECT_EQ(j["latency_ms"], (nlohmann::json{{"count", 1000},
                                             {"mean", 1.25},
                                             {"p50", 1.0},
                                             {"p90", 2.5},
                                             {"p99", 7.125},
                                             {"max", 12.0}}));
  EXPECT_EQ(j["errors"], (nlohmann::json{{"409", 7}, {"transport", 3}}));
  EXPECT_EQ(j["error_examples"].size(), 2u);
  EXPECT_EQ(j["connections_opened"], 9);
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["client_cpu_seconds"], 0.0202);
  EXPECT_DOUBLE_EQ(j["client_cpu_us_per_request"].get<double>(), 20.0);
  EXPECT_EQ(j["audit"]["acknowledged"], 1070);
  EXPECT_EQ(j["audit"]["confirmed"], 1069);
  EXPECT_EQ(j["audit"]["missing"], 1);
  EXPECT_EQ(j["audit"]["from"], 2);
  EXPECT_EQ(j["audit"]["to"], 1081);
  EXPECT_EQ(j["audit"]["examples"], nlohmann::json::array({"position 77: missing"}));
  EXPECT_EQ(j["audit"]["seconds"], 0.5);
  EXPECT_EQ(j["lost"], 1);
  EXPECT_EQ(r.lost(), 1u);

  r.audit.reset();
  r.audit_error = "no log";
  j = ToJson(r);
  EXPECT_EQ(j["audit"], (nlohmann::json{{"error", "no log"}}));
  EXPECT_TRUE(j["lost"].is_null());
}

TEST(ReportTest, ThroughputIsZeroWithoutMeasuredTime) {
  LoadReport r = Sample();
  r.run.seconds = 0;
  EXPECT_EQ(r.throughput(), 0.0);
  EXPECT_EQ(ToJson(r)["throughput_per_s"], 0.0);
  EXPECT_NE(Human(r).find("throughput    0.0 acknowledged writes/s\n"), std::string::npos);
}

}  // namespace
}  // namespace hoering::client::load
