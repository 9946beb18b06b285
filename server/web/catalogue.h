// The message catalogue: every label of the web pages and the report in Danish
// and English (server/web/messages/{da,en}.json, plus each
// messages/<part>.{da,en}.json under the key <part>; built into the binary). Messages are
// nested objects ("nav": {"home": ...}) so a template reads them as
// {{t.nav.home}}; both catalogues have the same keys (tested).
// Thread safety: read-only after construction.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "server/web/language.h"

namespace hoering::web {

class Catalogue {
 public:
  // From the embedded message files. Throws
  // std::runtime_error when one is missing or is not a JSON object (a build
  // defect, found at start).
  Catalogue();

  // The whole catalogue of a language, for templates (as `t`).
  const nlohmann::json& All(Language lang) const;
  // One message by dotted key ("nav.home"); the key itself when missing.
  std::string Text(Language lang, std::string_view dotted_key) const;

 private:
  nlohmann::json da_, en_;
};

}  // namespace hoering::web
