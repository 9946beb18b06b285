#include "client/cli/format.h"

#include <algorithm>

namespace hoering::client {

std::string Text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Text(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it == j.end() ? std::string() : Text(*it);
}

std::string ShortHash(const std::string& hex, std::size_t n) {
  return hex.substr(0, n);
}

std::vector<std::pair<std::string, std::string>> Fields(const nlohmann::json& object,
                                                        const std::vector<std::string>& preferred) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!object.is_object()) return out;
  for (const auto& key : preferred) {
    if (object.contains(key)) out.emplace_back(key, Text(object, key));
  }
  for (const auto& [key, value] : object.items()) {
    if (std::find(preferred.begin(), preferred.end(), key) == preferred.end()) {
      out.emplace_back(key, Text(value));
    }
  }
  return out;
}

std::string JoinText(const nlohmann::json& array, std::string_view separator) {
  if (!array.is_array()) return Text(array);
  std::string out;
  for (const auto& item : array) {
    if (!out.empty()) out += separator;
    out += Text(item);
  }
  return out;
}

std::string YesNo(const nlohmann::json& j, std::string_view key) {
  if (!j.is_object()) return "no";
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>() ? "yes" : "no";
}

std::string ActorText(const nlohmann::json& actor) {
  if (actor.is_string()) return actor.get<std::string>();
  const std::string role = Text(actor, "role"), party = Text(actor, "party");
  if (role.empty()) return "system";
  return party.empty() ? role : role + "/" + party;
}

std::string VersionText(const nlohmann::json& v) {
  if (!v.is_object()) return Text(v);
  std::string out = Text(v, "number");
  const std::string label = Text(v, "label");
  if (!label.empty()) out += " \"" + label + "\"";
  return out;
}

void PrintText(std::ostream& out, const std::string& text) {
  out << text;
  if (!text.empty() && text.back() != '\n') out << '\n';
}

}  // namespace hoering::client
