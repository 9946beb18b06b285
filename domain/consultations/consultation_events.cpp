#include "domain/consultations/consultation_events.h"

#include "domain/events/event_data.h"

namespace hoering::consultations {

using nlohmann::json;

std::string ConsultationStream(const std::string& id) {
  return "consultation-" + id;
}

json VersionRefJson(const VersionRef& v) {
  return {{"number", v.number}, {"label", v.label}, {"hash", v.hash}};
}

NewEvent ToEvent(const ConsultationOpened& e) {
  json d = {{"id", e.id},
            {"agreement", e.agreement},
            {"version", VersionRefJson(e.version)},
            {"title", e.title},
            {"opens_at", FormatRfc3339Ms(e.opens_at)},
            {"closes_at", FormatRfc3339Ms(e.closes_at)},
            {"invited", e.invited},
            {"time_zone", e.time_zone}};
  return {kConsultationOpened, 1, std::move(d), {}};
}

NewEvent ToEvent(const DeadlineExtended& e) {
  json d = {{"consultation", e.consultation},
            {"closes_at", FormatRfc3339Ms(e.closes_at)},
            {"previous_closes_at", FormatRfc3339Ms(e.previous_closes_at)},
            {"reason", e.reason}};
  return {kDeadlineExtended, 1, std::move(d), {}};
}

NewEvent ToEvent(const ConsultationClosed& e) {
  json d = {{"consultation", e.consultation}};
  if (e.reason) d["reason"] = *e.reason;
  return {kConsultationClosed, 1, std::move(d), {}};
}

Result<ConsultationOpened> ConsultationOpenedFromJson(const json& j) {
  return events::ReadEventData("consultation", kConsultationOpened, [&] {
    ConsultationOpened e;
    e.id = j.at("id").get<std::string>();
    e.agreement = j.at("agreement").get<std::string>();
    const json& v = j.at("version");
    e.version = {v.at("number").get<std::uint32_t>(), v.at("label").get<std::string>(),
                 v.at("hash").get<std::string>()};
    e.title = j.at("title").get<std::string>();
    e.opens_at = events::TimeAt(j, "opens_at");
    e.closes_at = events::TimeAt(j, "closes_at");
    e.invited = j.at("invited").get<std::vector<std::string>>();
    e.time_zone = j.value("time_zone", "UTC");
    return e;
  });
}

Result<DeadlineExtended> DeadlineExtendedFromJson(const json& j) {
  return events::ReadEventData("consultation", kDeadlineExtended, [&] {
    DeadlineExtended e;
    e.consultation = j.at("consultation").get<std::string>();
    e.closes_at = events::TimeAt(j, "closes_at");
    e.previous_closes_at = events::TimeAt(j, "previous_closes_at");
    e.reason = j.at("reason").get<std::string>();
    return e;
  });
}

Result<ConsultationClosed> ConsultationClosedFromJson(const json& j) {
  return events::ReadEventData("consultation", kConsultationClosed, [&] {
    ConsultationClosed e;
    e.consultation = j.at("consultation").get<std::string>();
    if (j.contains("reason")) e.reason = j.at("reason").get<std::string>();
    return e;
  });
}

}  // namespace hoering::consultations
