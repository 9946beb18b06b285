// The page templates (server/web/templates/*.mustache, built into the binary)
// rendered with kainjow mustache. Every {{value}} is HTML-escaped by the
// engine; {{{value}}} (unescaped) is used only for HTML the server rendered
// itself (a page body inside the layout, Markdown rendered by cmark in safe
// mode). A template may include another as a partial: {{>_name}}. Partial
// files start with "_" because partials share the name space of the data
// ({{>toc}} would find a data key "toc" first); no data key starts with "_".
// Thread safety: Render may be called from any thread.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "domain/status.h"

namespace hoering::web {

class Templates {
 public:
  // From the embedded files named "templates/<name>.mustache".
  Templates();

  // Renders template `name` (without ".mustache") with `data` (objects,
  // arrays, strings, numbers and booleans; null, false, "" and [] are falsy).
  // The templates named "_<name>" are its partials ({{>_toc}}); no data key
  // starts with "_". They are put in place once, when the templates are
  // loaded (the same text at the same place as a mustache partial: partials
  // here are never recursive), so a render parses one text however many
  // times a partial repeats, and each thread parses a template once.
  // kInternal when the template is unknown or does not parse (a bug).
  Result<std::string> Render(std::string_view name, const nlohmann::json& data) const;
  bool Has(std::string_view name) const { return texts_.count(std::string(name)) > 0; }

 private:
  std::map<std::string, std::string, std::less<>> texts_;  // partials in place
};

}  // namespace hoering::web
