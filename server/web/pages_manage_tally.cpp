// The secretariat's counts of a consultation (pages_manage.h TallyOf) and
// its two charts as template data: one pass over the consultation's entry
// in the point index (app::PointSearch, kept between requests and brought up
// to the log head by its tail); the charts are drawn by the templates
// (_manage_day_chart, _manage_outcome_chart) from the geometry made here.
#include <date/date.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "server/app/point_search.h"
#include "server/app/read_views.h"
#include "server/web/pages_manage.h"

namespace hoering::web::manage {
namespace {

using nlohmann::json;

std::optional<date::sys_days> ParseDay(const std::string& text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

std::string DayText(date::sys_days day) {
  // ToLocalInput in UTC gives the date of midnight of that day.
  return ToLocalInput(
             std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count(),
             "UTC")
      .date;
}

// The y-axis maximum: the largest count rounded up to a "nice" number.
std::uint64_t NiceMax(std::uint64_t largest) {
  std::uint64_t step = 1;
  while (true) {
    for (std::uint64_t f : {1, 2, 5}) {
      if (f * step >= largest) return std::max<std::uint64_t>(f * step, 1);
    }
    step *= 10;
  }
}

// A coordinate for an SVG attribute, one decimal.
std::string F(double v) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", v);
  return out;
}

}  // namespace

const std::vector<std::string>& Outcomes() {
  static const std::vector<std::string> kOutcomes = {"accepted", "partially_accepted",
                                                     "not_accepted", "noted", "out_of_scope"};
  return kOutcomes;
}

Result<ConsultationTally> TallyOf(app::AppContext& ctx, const std::string& consultation,
                                  std::string_view zone) {
  ConsultationTally tally;
  for (const auto& outcome : Outcomes()) tally.outcomes[outcome] = 0;
  auto responses = ctx.point_search.Current(consultation);
  if (!responses.ok()) return responses.status();
  for (const auto& r : **responses) {
    ++tally.responses;
    ConsultationTally::PartyCount& party = tally.parties[r->party];
    ++tally.by_day[ToLocalInput(r->submitted_at, zone).date];
    if (r->late) ++tally.late;
    if (r->withdrawn) {
      ++tally.withdrawn;
      ++party.withdrawn;
      continue;
    }
    ++party.active;
    for (const auto& point : r->points) {
      ++tally.points;
      if (point.outcome.empty()) {
        ++tally.undisposed;
      } else {
        ++tally.outcomes[point.outcome];
      }
    }
  }
  return tally;
}

json DayChart(const ConsultationTally& tally, const std::string& first, const std::string& last) {
  constexpr int kWidth = 720, kHeight = 240, kLeft = 40, kBottom = 30, kTop = 10;
  auto from = ParseDay(first);
  auto to = ParseDay(last);
  if (!from || !to || *to < *from)
    from = to = ParseDay(DayText(date::floor<date::days>(std::chrono::system_clock::now())));
  if ((*to - *from).count() > 365) *from = *to - date::days{365};
  const int days = static_cast<int>((*to - *from).count()) + 1;
  std::uint64_t largest = 0, total = 0;
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  for (date::sys_days d = *from; d <= *to; d += date::days{1}) {
    const std::string key = DayText(d);
    auto it = tally.by_day.find(key);
    const std::uint64_t n = it == tally.by_day.end() ? 0 : it->second;
    counts.emplace_back(key, n);
    largest = std::max(largest, n);
    total += n;
  }
  const std::uint64_t top = NiceMax(largest);
  const double plot_w = kWidth - kLeft - 10, plot_h = kHeight - kTop - kBottom;
  const double slot = plot_w / days;
  json bars = json::array(), rows = json::array();
  for (int i = 0; i < days; ++i) {
    const auto& [day, n] = counts[i];
    const double h = plot_h * static_cast<double>(n) / static_cast<double>(top);
    if (n > 0) {
      bars.push_back({{"x", F(kLeft + i * slot + slot * 0.1)},
                      {"y", F(kTop + plot_h - h)},
                      {"width", F(std::max(slot * 0.8, 1.0))},
                      {"height", F(h)},
                      {"label", day + ": " + std::to_string(n)}});
      rows.push_back({{"day", day}, {"count", n}});
    }
  }
  return {{"width", kWidth},
          {"height", kHeight},
          {"axis_x", kLeft},
          {"axis_y", F(kTop + plot_h)},
          {"axis_right", kWidth - 10},
          {"top_y", kTop},
          {"top_label", top},
          {"label_y", kHeight - 8},
          {"first", counts.front().first},
          {"last", counts.back().first},
          {"last_x", kWidth - 10},
          {"bars", bars},
          {"rows", rows},
          {"has_rows", !rows.empty()},
          {"total", total}};
}

json OutcomeChart(const PageCall& call, const ConsultationTally& tally) {
  constexpr int kWidth = 720, kRow = 32, kLabel = 220, kCount = 60;
  std::vector<std::pair<std::string, std::uint64_t>> rows;
  for (const auto& outcome : Outcomes()) rows.emplace_back(outcome, tally.outcomes.at(outcome));
  rows.emplace_back("undecided", tally.undisposed);
  std::uint64_t largest = 1;
  for (const auto& [_, n] : rows) largest = std::max(largest, n);
  const double plot_w = kWidth - kLabel - kCount;
  json bars = json::array();
  int i = 0;
  for (const auto& [outcome, n] : rows) {
    const double w = plot_w * static_cast<double>(n) / static_cast<double>(largest);
    const std::string label = call.T("outcome." + outcome);
    bars.push_back({{"outcome", outcome},
                    {"label", label},
                    {"count", n},
                    {"text_y", i * kRow + 21},
                    {"y", i * kRow + 6},
                    {"x", kLabel},
                    {"width", F(std::max(w, n > 0 ? 2.0 : 0.0))},
                    {"height", kRow - 12},
                    {"count_x", F(kLabel + w + 6)},
                    {"title", label + ": " + std::to_string(n)}});
    ++i;
  }
  return {{"width", kWidth},
          {"height", i * kRow + 4},
          {"label_x", kLabel - 8},
          {"bars", bars},
          {"points", tally.points}};
}

}  // namespace hoering::web::manage
