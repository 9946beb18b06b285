#include "server/web/templates.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>

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

// `text` with every {{>_name}} replaced by that partial's text, its own
// partials in place too (`depth` guards against a partial that includes
// itself, which the templates never do).
std::string WithPartials(std::string_view text,
                         const std::map<std::string, std::string, std::less<>>& raw, int depth) {
  constexpr std::string_view kOpen = "{{>", kClose = "}}";
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find(kOpen, at);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find(kClose, open);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(open + kOpen.size(), close - open - kOpen.size());
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    auto partial = raw.find(name);
    out.append(text.substr(at, open - at));
    if (name.starts_with('_') && partial != raw.end() && depth < 8) {
      out += WithPartials(partial->second, raw, depth + 1);
    }
    at = close + kClose.size();
  }
  out.append(text.substr(at));
  return out;
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
  const auto raw = texts_;
  for (auto& [name, text] : texts_) text = WithPartials(raw.at(name), raw, 0);
}

Result<std::string> Templates::Render(std::string_view name, const nlohmann::json& data) const {
  auto it = texts_.find(name);
  if (it == texts_.end()) return Status(Code::kInternal, "no template '" + std::string(name) + "'");
  // Parsed once per thread: kainjow keeps a render's state in the call, so
  // one parsed template serves a thread's renders one after the other. Keyed
  // by name: every Templates holds the same embedded texts.
  thread_local std::map<std::string, std::unique_ptr<mu::mustache>, std::less<>> parsed;
  auto& slot = parsed[it->first];
  if (!slot) slot = std::make_unique<mu::mustache>(it->second);
  mu::mustache& tmpl = *slot;
  if (!tmpl.is_valid()) {
    return Status(Code::kInternal, "template '" + std::string(name) + "': " + tmpl.error_message());
  }
  std::string out = tmpl.render(ToData(data));
  if (!tmpl.is_valid()) {
    Status failed(Code::kInternal, "template '" + std::string(name) + "': " + tmpl.error_message());
    slot.reset();  // the error stays in the parsed template: parse it afresh next time
    return failed;
  }
  return out;
}

}  // namespace hoering::web
