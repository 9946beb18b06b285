#include "server/web/catalogue.h"

#include <optional>
#include <stdexcept>

#include "server/web/embedded_files.h"

namespace hoering::web {
namespace {

nlohmann::json Parse(const EmbeddedFile& f) {
  auto parsed = nlohmann::json::parse(f.bytes, nullptr, false);
  if (!parsed.is_object()) throw std::runtime_error(std::string(f.name) + " is not a JSON object");
  return parsed;
}

// messages/<lang>.json, with every messages/<part>.<lang>.json under "<part>".
nlohmann::json Load(std::string_view lang) {
  const std::string main = "messages/" + std::string(lang) + ".json";
  const std::string suffix = "." + std::string(lang) + ".json";
  std::optional<nlohmann::json> out;
  nlohmann::json parts = nlohmann::json::object();
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    const EmbeddedFile& f = kEmbeddedFiles[i];
    if (f.name == main) {
      out = Parse(f);
    } else if (f.name.starts_with("messages/") && f.name.ends_with(suffix)) {
      std::string_view part = f.name.substr(9, f.name.size() - 9 - suffix.size());
      parts[std::string(part)] = Parse(f);
    }
  }
  if (!out) throw std::runtime_error(main + " is not built in");
  for (auto& [part, labels] : parts.items()) {
    if (out->contains(part)) throw std::runtime_error(main + " already has key " + part);
    (*out)[part] = std::move(labels);
  }
  return *out;
}

}  // namespace

Catalogue::Catalogue() : da_(Load("da")), en_(Load("en")) {}

const nlohmann::json& Catalogue::All(Language lang) const {
  return lang == Language::kDanish ? da_ : en_;
}

std::string Catalogue::Text(Language lang, std::string_view dotted_key) const {
  const nlohmann::json* node = &All(lang);
  std::string_view rest = dotted_key;
  while (!rest.empty()) {
    auto dot = rest.find('.');
    auto key = std::string(rest.substr(0, dot));
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    if (!node->is_object() || !node->contains(key)) return std::string(dotted_key);
    node = &(*node)[key];
  }
  return node->is_string() ? node->get<std::string>() : std::string(dotted_key);
}

}  // namespace hoering::web
