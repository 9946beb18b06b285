#include "domain/snapshot/snapshot_json.h"

namespace hoering::snapshot {

nlohmann::json StatusToJson(const Status& s) {
  return {{"code", static_cast<int>(s.code())}, {"detail", s.detail()}, {"type", s.type()}};
}

Status StatusFromJson(const nlohmann::json& j) {
  const int code = j.at("code").get<int>();
  if (code < 0 || code > static_cast<int>(Code::kInternal)) {
    throw std::out_of_range("status code " + std::to_string(code));
  }
  return {static_cast<Code>(code), j.at("detail").get<std::string>(),
          j.at("type").get<std::string>()};
}

nlohmann::json ActorToJson(const Actor& a) {
  return {{"party", a.party}, {"role", a.role}, {"token_id", a.token_id}};
}

Actor ActorFromJson(const nlohmann::json& j) {
  return {j.at("token_id").get<std::string>(), j.at("role").get<std::string>(),
          j.at("party").get<std::string>()};
}

const nlohmann::json& GetArray(const nlohmann::json& j, const char* key) {
  const nlohmann::json& v = j.at(key);
  if (!v.is_array()) throw std::invalid_argument(std::string(key) + ": expected an array");
  return v;
}

const nlohmann::json& GetObject(const nlohmann::json& j, const char* key) {
  const nlohmann::json& v = j.at(key);
  if (!v.is_object()) throw std::invalid_argument(std::string(key) + ": expected an object");
  return v;
}

}  // namespace hoering::snapshot
