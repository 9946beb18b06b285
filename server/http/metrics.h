// A small Prometheus registry: counters, gauges and histograms with labels,
// rendered in the text exposition format 0.0.4 (GET /metrics).
//
// Usage:
//   MetricsRegistry reg;
//   auto& fsyncs = reg.AddCounter("hoering_store_fsyncs_total", "WAL syncs", {});
//   fsyncs.With({}).Inc();
//   auto& batch = reg.AddHistogram("hoering_store_append_batch_size", "...", {},
//                                  {1, 2, 4, 8, 16, 32, 64});
//   batch.With({}).Observe(n);
//   reg.AddCallbackGauge("hoering_store_head_position", "...", [&] { return head(); });
//
// Families and children live as long as the registry; the references returned
// stay valid, so hot paths look a child up once and keep it.
//
// Thread safety: every method may be called concurrently. Counter::Inc,
// Gauge::Set and Histogram::Observe are lock-free (relaxed atomics); With() takes
// a shared lock (an exclusive one only the first time a label set is seen).
// Render() takes the registry lock and calls gauge callbacks under it, so a
// callback must not call back into the registry.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace hoering::http {

using LabelValues = std::vector<std::string>;

class Counter {
 public:
  void Inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Add(double d) { value_.fetch_add(d, std::memory_order_relaxed); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Histogram {
 public:
  // REQUIRES: `bounds` strictly increasing, finite (+Inf is implicit).
  explicit Histogram(const std::vector<double>& bounds);
  void Observe(double v);

  struct Snapshot {
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf
    double sum = 0;
  };
  Snapshot Read() const;  // cumulative.back() is the count

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<double> sum_{0};
};

// One metric name with a fixed list of label names; a child per label-value set.
template <typename T>
class Family {
 public:
  // REQUIRES: values.size() == label_names().size(). Throws std::invalid_argument
  // otherwise (a programming error).
  T& With(const LabelValues& values);
  const std::vector<std::string>& label_names() const { return label_names_; }

 private:
  friend class MetricsRegistry;
  Family(std::vector<std::string> label_names, std::vector<double> bounds)
      : label_names_(std::move(label_names)), bounds_(std::move(bounds)) {}
  template <typename Fn>
  void ForEach(Fn&& fn) const;

  const std::vector<std::string> label_names_;
  const std::vector<double> bounds_;  // histograms only
  mutable std::shared_mutex mu_;
  std::map<LabelValues, std::unique_ptr<T>> children_;  // GUARDED_BY(mu_)
};

using CounterFamily = Family<Counter>;
using GaugeFamily = Family<Gauge>;
using HistogramFamily = Family<Histogram>;

class MetricsRegistry {
 public:
  MetricsRegistry();
  ~MetricsRegistry();
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  // Registering an existing name again with the same kind, labels (and
  // buckets) returns the existing family; anything else throws
  // std::invalid_argument, as does an invalid metric or label name.
  CounterFamily& AddCounter(std::string name, std::string help,
                            std::vector<std::string> label_names);
  GaugeFamily& AddGauge(std::string name, std::string help, std::vector<std::string> label_names);
  HistogramFamily& AddHistogram(std::string name, std::string help,
                                std::vector<std::string> label_names, std::vector<double> bounds);
  // A label-less gauge whose value is computed by `fn` at render time.
  // REQUIRES: `fn` is cheap, thread-safe and outlives the registry's use.
  void AddCallbackGauge(std::string name, std::string help, std::function<double()> fn);

  // All metrics in text exposition format 0.0.4, families sorted by name.
  std::string Render() const;

  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  struct Entry;
  Entry& Register(std::string name, std::string help, int kind, std::vector<std::string> labels,
                  std::vector<double> bounds);

  mutable std::shared_mutex mu_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;  // GUARDED_BY(mu_)
};

// Default buckets for request latencies, in seconds: 0.5 ms .. 5 s.
const std::vector<double>& DefaultLatencyBuckets();

}  // namespace hoering::http
