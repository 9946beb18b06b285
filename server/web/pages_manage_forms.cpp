// Form helpers of the secretariat's pages (pages_manage.h): local-time
// inputs, one-time form keys, field errors and refusal messages.
#include <date/tz.h>

#include <chrono>
#include <cstdio>

#include "server/app/time_zones.h"
#include "server/app/token_secret.h"
#include "server/http/problem.h"
#include "server/web/pages_manage.h"

namespace hoering::web::manage {
namespace {

std::string Pad(unsigned v, int width) {
  std::string s = std::to_string(v);
  return std::string(s.size() < static_cast<std::size_t>(width) ? width - s.size() : 0, '0') + s;
}

}  // namespace

std::string ConsultationHref(const std::string& id) {
  return "/manage/consultations/" + UrlEncode(id);
}

std::string InboxHref(const std::string& id) {
  return ConsultationHref(id) + "/responses";
}

LocalInput ToLocalInput(TimeMs t, std::string_view zone) {
  const date::sys_time<std::chrono::milliseconds> sys{std::chrono::milliseconds{t}};
  std::chrono::milliseconds local = sys.time_since_epoch();
  if (const date::time_zone* tz = app::FindTimeZone(zone)) {
    try {
      local = tz->to_local(sys).time_since_epoch();
    } catch (const std::exception&) {
    }
  }
  const auto days = date::floor<date::days>(local);
  const date::year_month_day ymd{date::sys_days{days}};
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - days).count();
  return {Pad(static_cast<int>(ymd.year()), 4) + "-" + Pad(static_cast<unsigned>(ymd.month()), 2) +
              "-" + Pad(static_cast<unsigned>(ymd.day()), 2),
          Pad(static_cast<unsigned>(minutes / 60), 2) + ":" +
              Pad(static_cast<unsigned>(minutes % 60), 2)};
}

Result<TimeMs> FromLocalInput(const std::string& date_text, const std::string& time_text,
                              std::string_view zone) {
  const date::time_zone* tz = app::FindTimeZone(zone);
  if (!tz) {
    return Unprocessable("time zone '" + std::string(zone) + "' is not in the tz database",
                         "unknown-time-zone");
  }
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0;
  char tail = 0;
  const Status bad =
      InvalidArgument("give the date as YYYY-MM-DD and the time as HH:MM", "invalid-date");
  if (date_text.size() != 10 ||
      std::sscanf(date_text.c_str(), "%4d-%2u-%2u%c", &y, &mo, &d, &tail) != 3) {
    return bad;
  }
  if (time_text.size() < 4 || time_text.size() > 5 ||
      std::sscanf(time_text.c_str(), "%2u:%2u%c", &h, &mi, &tail) != 2 || h > 23 || mi > 59) {
    return bad;
  }
  const date::year_month_day ymd{date::year{y}, date::month{mo}, date::day{d}};
  if (!ymd.ok() || y < 1970 || y > 9999) return bad;
  const date::local_time<std::chrono::minutes> local{
      date::local_days{ymd}.time_since_epoch() + std::chrono::hours{h} + std::chrono::minutes{mi}};
  const date::local_info info = tz->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return Unprocessable("the clocks skip this time in " + std::string(zone), "nonexistent-time");
  }
  const auto offset = info.first.offset;  // the earlier of an ambiguous time
  const auto sys = local.time_since_epoch() - offset;
  return std::chrono::duration_cast<std::chrono::milliseconds>(sys).count();
}

std::string NewFormKey() {
  return app::RandomHex(16);
}

std::optional<commands::IdempotencyKey> FormKey(const PageCall& call, std::string_view action) {
  const std::string form_key = call.Field("form_key").value_or("");
  if (form_key.empty() || form_key.size() > 64) return std::nullopt;
  return commands::IdempotencyKey::For(call.who.token_id,
                                       "form:" + form_key + ":" + std::string(action),
                                       "POST " + std::string(action), "");
}

commands::CommandMeta MetaFor(const PageCall& call, std::string_view action) {
  commands::CommandMeta meta;
  meta.actor = call.who.actor();
  meta.idempotency = FormKey(call, action);
  return meta;
}

void AddFieldErrors(nlohmann::json& data,
                    const std::vector<std::pair<std::string, std::string>>& problems) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& [field, message] : problems) {
    errors.push_back({{"field", field}, {"message", message}});
    data[field + "_error"] = message;
  }
  data["errors"] = errors;
  data["has_errors"] = !errors.empty();
}

std::string ProblemMessage(const PageCall& call, const Status& status) {
  for (const std::string& key : {"manage.problems." + status.type(), "problems." + status.type()}) {
    std::string text = call.T(key);
    if (text != key) return text;
  }
  return status.detail();
}

boost::beast::http::status FormStatus(const Status& status) {
  return static_cast<boost::beast::http::status>(http::HttpStatusFor(status.code()));
}

}  // namespace hoering::web::manage
