#include "server/app/stored_content.h"

#include <optional>

#include "domain/consultations/attachments.h"
#include "server/app/command_http.h"

namespace hoering::app {

namespace cs = consultations;

commands::Decide StoreContentOnce(AppContext& ctx, cs::AttachmentStored content) {
  return [&ctx, content = std::move(content)]() -> Result<commands::Command> {
    const std::string stream = cs::AttachmentStream(content.sha256);
    if (ctx.log.StreamVersion(stream) > 0) return commands::Command{};
    return CommandFor(stream, ExpectedVersion::NoStream(), {cs::ToEvent(content)});
  };
}

Result<std::string> StoredContent(const EventLog& log, const std::string& sha256) {
  auto events = log.ReadStream(cs::AttachmentStream(sha256), 1, 1);
  if (!events.ok()) return events.status();
  std::optional<std::string> bytes;
  if (!events->empty()) {
    auto j = nlohmann::json::parse(events->front().data, nullptr, false);
    if (j.is_object()) bytes = cs::DecodeBase64(j.value("content_base64", ""));
  }
  if (!bytes) {
    return Status(Code::kCorruption, "stored content " + sha256 + " cannot be read from the log",
                  "corruption");
  }
  return std::move(*bytes);
}

}  // namespace hoering::app
