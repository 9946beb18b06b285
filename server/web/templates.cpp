#include "server/web/templates.h"

#include <kainjow/mustache.hpp>

#include "server/web/embedded_files.h"

namespace hoering::web {
namespace {

namespace mu = kainjow::mustache;

mu::data ToData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mu::data out{mu::data::type::object};
      for (const auto& [k, v] : value.items()) out.set(k, ToData(v));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mu::data out{mu::data::type::list};
      for (const auto& v : value) out.push_back(ToData(v));
      return out;
    }
    case nlohmann::json::value_t::string: {
      // An empty string is falsy, as in most mustache engines (kainjow treats
      // only false and an empty list so): {{#summary}} hides an empty one.
      const std::string& text = value.get_ref<const std::string&>();
      return text.empty() ? mu::data{false} : mu::data{text};
    }
    case nlohmann::json::value_t::boolean:
      return mu::data{value.get<bool>()};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return mu::data{value.dump()};
    default:
      return mu::data{false};
  }
}

}  // namespace

Templates::Templates() {
  constexpr std::string_view kPrefix = "templates/", kSuffix = ".mustache";
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    const EmbeddedFile& f = kEmbeddedFiles[i];
    if (!f.name.starts_with(kPrefix) || !f.name.ends_with(kSuffix)) continue;
    std::string_view name = f.name.substr(kPrefix.size());
    name.remove_suffix(kSuffix.size());
    texts_.emplace(std::string(name), std::string(f.bytes));
  }
}

Result<std::string> Templates::Render(std::string_view name, const nlohmann::json& data) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) return Status(Code::kInternal, "no template '" + std::string(name) + "'");
  mu::mustache tmpl{it->second};
  if (!tmpl.is_valid()) {
    return Status(Code::kInternal, "template '" + std::string(name) + "': " + tmpl.error_message());
  }
  mu::data root = ToData(data);
  // Partials share the data's name space: only the templates named "_..."
  // are partials, so a data key may be named like a page ("receipt").
  for (const auto& [partial_name, text] : texts_) {
    if (!partial_name.starts_with('_')) continue;
    root.set(partial_name, mu::partial{[&text = text] { return text; }});
  }
  std::string out = tmpl.render(root);
  if (!tmpl.is_valid()) {
    return Status(Code::kInternal, "template '" + std::string(name) + "': " + tmpl.error_message());
  }
  return out;
}

}  // namespace hoering::web
