#include "client/load/report.h"

#include <cstdio>

namespace hoering::client::load {
namespace {

std::string Fixed(double v, int digits = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::optional<std::uint64_t> LoadReport::lost() const {
  if (!audit) return std::nullopt;
  return audit->lost;
}

nlohmann::json ToJson(const LoadReport& r) {
  nlohmann::json j{
      {"scenario", r.scenario},
      {"run_id", r.run_id},
      {"connections", r.config.connections},
      {"threads", r.run.threads},
      {"seconds", r.run.seconds},
      {"warmup_seconds", r.config.warmup.count() / 1000.0},
      {"sent", r.run.sent},
      {"warmup_sent", r.run.warmup_sent},
      {"acknowledged", r.run.acknowledged},
      {"throughput_per_s", r.throughput()},
      {"latency_ms",
       {{"count", r.latency.count},
        {"mean", r.latency.mean_ms},
        {"p50", r.latency.p50_ms},
        {"p90", r.latency.p90_ms},
        {"p99", r.latency.p99_ms},
        {"max", r.latency.max_ms}}},
      {"errors", r.run.errors},
      {"error_examples", r.run.error_examples},
      {"connections_opened", r.run.connections_opened},
      {"client_cpu_seconds", r.run.client_cpu_seconds},
      {"client_cpu_us_per_request", r.run.client_cpu_us_per_request()},
  };
  if (r.audit) {
    const AckAuditReport& a = *r.audit;
    j["audit"] = {{"acknowledged", a.acknowledged},
                  {"confirmed", a.confirmed},
                  {"missing", a.missing},
                  {"mismatched", a.mismatched},
                  {"duplicates", a.duplicates},
                  {"from", a.from},
                  {"to", a.to},
                  {"examples", a.examples},
                  {"seconds", r.audit_seconds}};
    j["lost"] = a.lost;
  } else {
    j["audit"] = {{"error", r.audit_error}};
    j["lost"] = nullptr;
  }
  if (r.readback) {
    const ReadbackReport& b = *r.readback;
    j["readback"] = {{"receipts", b.receipts},
                     {"checked", b.checked},
                     {"mismatches", b.mismatches},
                     {"sampled", b.sampled()},
                     {"examples", b.examples}};
  }
  return j;
}

void PrintHuman(std::ostream& out, const LoadReport& r) {
  out << "scenario      " << r.scenario << " (run " << r.run_id << ")\n"
      << "connections   " << r.config.connections << " on " << r.run.threads << " threads ("
      << r.run.connections_opened << " opened)\n"
      << "measured      " << Fixed(r.run.seconds) << " s after "
      << Fixed(r.config.warmup.count() / 1000.0) << " s warm-up\n"
      << "requests      " << r.run.sent << " sent, " << r.run.acknowledged << " acknowledged ("
      << r.run.warmup_sent << " more during warm-up)\n"
      << "throughput    " << Fixed(r.throughput(), 1) << " acknowledged writes/s\n"
      << "latency ms    p50 " << Fixed(r.latency.p50_ms, 3) << "  p90 "
      << Fixed(r.latency.p90_ms, 3) << "  p99 " << Fixed(r.latency.p99_ms, 3) << "  max "
      << Fixed(r.latency.max_ms, 3) << "  (n=" << r.latency.count << ")\n"
      << "client cpu    " << Fixed(r.run.client_cpu_us_per_request(), 1) << " us per request ("
      << Fixed(r.run.client_cpu_seconds) << " s user+sys, measured)\n";
  out << "errors        ";
  if (r.run.errors.empty()) out << "none";
  bool first = true;
  for (const auto& [k, n] : r.run.errors) {
    out << (first ? "" : ", ") << k << ": " << n;
    first = false;
  }
  out << '\n';
  for (const auto& e : r.run.error_examples) out << "  e.g. " << e << '\n';
  if (r.audit && r.audit->acknowledged == 0) {
    out << "audit         nothing was acknowledged, nothing to re-read\nlost: 0\n";
  } else if (r.audit) {
    const AckAuditReport& a = *r.audit;
    out << "audit         re-read positions " << a.from << ".." << a.to << ": " << a.confirmed
        << " of " << a.acknowledged << " acknowledged writes confirmed (missing " << a.missing
        << ", mismatched " << a.mismatched << ", duplicates " << a.duplicates << ") in "
        << Fixed(r.audit_seconds) << " s\n";
    for (const auto& e : a.examples) out << "  " << e << '\n';
    out << "lost: " << a.lost << '\n';
  } else {
    out << "audit         FAILED: " << r.audit_error << "\nlost: unknown\n";
  }
  if (r.readback) {
    const ReadbackReport& b = *r.readback;
    for (const auto& e : b.examples) out << "  read back " << e << '\n';
    out << "readback mismatches: " << b.mismatches << " (checked " << b.checked;
    if (b.sampled()) out << ", a random sample of " << b.receipts << " receipts";
    out << ")\n";
  }
}

}  // namespace hoering::client::load
