#include "domain/consultations/consultation_events.h"

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

namespace {

Status Corrupt(const std::string& what) {
  return Status(Code::kCorruption, "stored consultation event is malformed: " + what, "corruption");
}

TimeMs TimeOf(const json& j, const char* key) {
  auto t = ParseRfc3339(j.at(key).get<std::string>());
  if (!t) throw std::invalid_argument(std::string("bad time in ") + key);
  return *t;
}

}  // namespace

Result<ConsultationOpened> ConsultationOpenedFromJson(const json& j) {
  try {
    ConsultationOpened e;
    e.id = j.at("id").get<std::string>();
    e.agreement = j.at("agreement").get<std::string>();
    const json& v = j.at("version");
    e.version = {v.at("number").get<std::uint32_t>(), v.at("label").get<std::string>(),
                 v.at("hash").get<std::string>()};
    e.title = j.at("title").get<std::string>();
    e.opens_at = TimeOf(j, "opens_at");
    e.closes_at = TimeOf(j, "closes_at");
    e.invited = j.at("invited").get<std::vector<std::string>>();
    e.time_zone = j.value("time_zone", "UTC");
    return e;
  } catch (const std::exception& ex) {
    return Corrupt(std::string(kConsultationOpened) + ": " + ex.what());
  }
}

Result<DeadlineExtended> DeadlineExtendedFromJson(const json& j) {
  try {
    DeadlineExtended e;
    e.consultation = j.at("consultation").get<std::string>();
    e.closes_at = TimeOf(j, "closes_at");
    e.previous_closes_at = TimeOf(j, "previous_closes_at");
    e.reason = j.at("reason").get<std::string>();
    return e;
  } catch (const std::exception& ex) {
    return Corrupt(std::string(kDeadlineExtended) + ": " + ex.what());
  }
}

Result<ConsultationClosed> ConsultationClosedFromJson(const json& j) {
  try {
    ConsultationClosed e;
    e.consultation = j.at("consultation").get<std::string>();
    if (j.contains("reason")) e.reason = j.at("reason").get<std::string>();
    return e;
  } catch (const std::exception& ex) {
    return Corrupt(std::string(kConsultationClosed) + ": " + ex.what());
  }
}

}  // namespace hoering::consultations
