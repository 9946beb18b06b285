#include "server/http/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <variant>

namespace hoering::http {
namespace {

enum Kind { kCounter, kGauge, kHistogram, kCallbackGauge };
constexpr const char* kKindNames[] = {"counter", "gauge", "histogram", "gauge"};

bool ValidName(std::string_view s, bool allow_colon) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alpha =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':');
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void AppendNumber(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
  } else if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
  } else {
    // Shortest round-trip form; plain decimals ("0.0005") where they stay short.
    char buf[400];
    const double mag = std::fabs(v);
    const bool fixed = mag == 0 || (mag >= 1e-6 && mag < 1e15);
    auto r = fixed ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                   : std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
}

void AppendEscaped(std::string& out, std::string_view s, bool quote) {
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

// `{a="x",b="y"}` (with an optional extra label), or nothing when empty.
void AppendLabels(std::string& out, const std::vector<std::string>& names,
                  const LabelValues& values, std::string_view extra_name = {},
                  std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += ',';
    out += names[i];
    out += "=\"";
    AppendEscaped(out, values[i], true);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!names.empty()) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  out += '}';
}

}  // namespace

const std::vector<double>& DefaultLatencyBuckets() {
  static const std::vector<double> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                               0.1,    0.25,  0.5,    1,     2.5,  5};
  return kBuckets;
}

Histogram::Histogram(const std::vector<double>& bounds)
    : bounds_(bounds), buckets_(new std::atomic<std::uint64_t>[bounds.size() + 1]) {
  for (std::size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0);
}

void Histogram::Observe(double v) {
  std::size_t i = std::isnan(v)
                      ? bounds_.size()
                      : static_cast<std::size_t>(
                            std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin());
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::Read() const {
  Snapshot s;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    total += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(total);
  }
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

template <typename T>
T& Family<T>::With(const LabelValues& values) {
  if (values.size() != label_names_.size()) {
    throw std::invalid_argument("metrics: wrong number of label values");
  }
  {
    std::shared_lock lock(mu_);
    auto it = children_.find(values);
    if (it != children_.end()) return *it->second;
  }
  std::unique_lock lock(mu_);
  auto& slot = children_[values];
  if (!slot) {
    if constexpr (std::is_same_v<T, Histogram>) {
      slot = std::make_unique<Histogram>(bounds_);
    } else {
      slot = std::make_unique<T>();
    }
  }
  return *slot;
}

template <typename T>
template <typename Fn>
void Family<T>::ForEach(Fn&& fn) const {
  std::shared_lock lock(mu_);
  for (const auto& [values, child] : children_) fn(values, *child);
}

template class Family<Counter>;
template class Family<Gauge>;
template class Family<Histogram>;

struct MetricsRegistry::Entry {
  std::string name;
  std::string help;
  int kind = kCounter;
  std::vector<std::string> labels;
  std::vector<double> bounds;
  std::variant<std::unique_ptr<CounterFamily>, std::unique_ptr<GaugeFamily>,
               std::unique_ptr<HistogramFamily>, std::function<double()>>
      family;
};

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Entry& MetricsRegistry::Register(std::string name, std::string help, int kind,
                                                  std::vector<std::string> labels,
                                                  std::vector<double> bounds) {
  if (!ValidName(name, true)) throw std::invalid_argument("metrics: invalid name " + name);
  for (const auto& l : labels) {
    if (!ValidName(l, false) || l.starts_with("__") || (kind == kHistogram && l == "le")) {
      throw std::invalid_argument("metrics: invalid label name " + l);
    }
  }
  for (std::size_t i = 0; i < bounds.size(); ++i) {
    if (!std::isfinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
      throw std::invalid_argument("metrics: buckets must be finite and increasing");
    }
  }
  std::unique_lock lock(mu_);
  auto& slot = entries_[name];
  if (slot) {
    if (slot->kind != kind || slot->labels != labels || slot->bounds != bounds ||
        kind == kCallbackGauge) {
      throw std::invalid_argument("metrics: " + name + " already registered differently");
    }
    return *slot;
  }
  slot = std::make_unique<Entry>();
  slot->name = std::move(name);
  slot->help = std::move(help);
  slot->kind = kind;
  slot->labels = labels;
  slot->bounds = bounds;
  if (kind == kCounter) {
    slot->family = std::unique_ptr<CounterFamily>(new CounterFamily(std::move(labels), {}));
  } else if (kind == kGauge) {
    slot->family = std::unique_ptr<GaugeFamily>(new GaugeFamily(std::move(labels), {}));
  } else if (kind == kHistogram) {
    slot->family =
        std::unique_ptr<HistogramFamily>(new HistogramFamily(std::move(labels), std::move(bounds)));
  } else {
    slot->family = std::function<double()>{};  // set by AddCallbackGauge
  }
  return *slot;
}

CounterFamily& MetricsRegistry::AddCounter(std::string name, std::string help,
                                           std::vector<std::string> label_names) {
  auto& e = Register(std::move(name), std::move(help), kCounter, std::move(label_names), {});
  return *std::get<std::unique_ptr<CounterFamily>>(e.family);
}

GaugeFamily& MetricsRegistry::AddGauge(std::string name, std::string help,
                                       std::vector<std::string> label_names) {
  auto& e = Register(std::move(name), std::move(help), kGauge, std::move(label_names), {});
  return *std::get<std::unique_ptr<GaugeFamily>>(e.family);
}

HistogramFamily& MetricsRegistry::AddHistogram(std::string name, std::string help,
                                               std::vector<std::string> label_names,
                                               std::vector<double> bounds) {
  auto& e = Register(std::move(name), std::move(help), kHistogram, std::move(label_names),
                     std::move(bounds));
  return *std::get<std::unique_ptr<HistogramFamily>>(e.family);
}

void MetricsRegistry::AddCallbackGauge(std::string name, std::string help,
                                       std::function<double()> fn) {
  auto& e = Register(std::move(name), std::move(help), kCallbackGauge, {}, {});
  std::unique_lock lock(mu_);
  e.family = std::move(fn);
}

std::string MetricsRegistry::Render() const {
  std::string out;
  std::shared_lock lock(mu_);
  for (const auto& [name, e] : entries_) {
    out += "# HELP " + name + ' ';
    AppendEscaped(out, e->help, false);
    out += "\n# TYPE " + name + ' ' + kKindNames[e->kind] + '\n';
    auto sample = [&](std::string_view suffix, const LabelValues& values, double v,
                      std::string_view extra_name = {}, std::string_view extra_value = {}) {
      out += name;
      out += suffix;
      AppendLabels(out, e->labels, values, extra_name, extra_value);
      out += ' ';
      AppendNumber(out, v);
      out += '\n';
    };
    if (auto* c = std::get_if<std::unique_ptr<CounterFamily>>(&e->family)) {
      (*c)->ForEach([&](const LabelValues& v, const Counter& m) {
        sample("", v, static_cast<double>(m.Value()));
      });
    } else if (auto* g = std::get_if<std::unique_ptr<GaugeFamily>>(&e->family)) {
      (*g)->ForEach([&](const LabelValues& v, const Gauge& m) { sample("", v, m.Value()); });
    } else if (auto* h = std::get_if<std::unique_ptr<HistogramFamily>>(&e->family)) {
      (*h)->ForEach([&](const LabelValues& v, const Histogram& m) {
        const auto snap = m.Read();
        for (std::size_t i = 0; i < e->bounds.size(); ++i) {
          std::string le;
          AppendNumber(le, e->bounds[i]);
          sample("_bucket", v, static_cast<double>(snap.cumulative[i]), "le", le);
        }
        sample("_bucket", v, static_cast<double>(snap.cumulative.back()), "le", "+Inf");
        sample("_sum", v, snap.sum);
        sample("_count", v, static_cast<double>(snap.cumulative.back()));
      });
    } else if (auto* fn = std::get_if<std::function<double()>>(&e->family)) {
      if (*fn) sample("", {}, (*fn)());
    }
  }
  return out;
}

}  // namespace hoering::http
