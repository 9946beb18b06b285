#include "server/app/agreement_commands.h"

#include <functional>

#include "domain/agreements/agreement_events.h"
#include "server/app/agreement_access.h"
#include "server/app/request_helpers.h"
#include "server/app/response_loader.h"

namespace hoering::app {
namespace {

namespace ag = agreements;
namespace cs = consultations;

using DecideOn = std::function<Result<std::vector<NewEvent>>(const ag::AgreementState&)>;

// Load, check If-Match, decide, append with the version decided on.
Decide OnAgreement(AppContext& ctx, std::string id, std::optional<std::uint64_t> if_match,
                   DecideOn decide) {
  return [&ctx, id = std::move(id), if_match, decide = std::move(decide)]() -> Result<Command> {
    auto state = LoadAgreement(ctx, id);
    if (!state.ok()) return state.status();
    if (Status s = CheckIfMatch(if_match, (*state)->version(), "the agreement"); !s.ok()) {
      return s;
    }
    auto events = decide(**state);
    if (!events.ok()) return events.status();
    return CommandFor(ag::StreamFor(id), ExpectedVersion::Exact((*state)->version()),
                      std::move(events).value());
  };
}

// Every cited {response, point} must exist and answer a consultation on this
// agreement (422 "invalid-citation").
Status CheckCites(AppContext& ctx, const std::string& agreement,
                  const std::vector<ag::Cite>& cites) {
  for (const auto& cite : cites) {
    auto response = LoadResponse(ctx.log, cite.response);
    if (!response.ok() && response.status().code() != Code::kNotFound) return response.status();
    const cs::ResponseState* r = response.ok() ? response->get() : nullptr;
    if (Status s = cs::CheckCite(agreement, cite, r); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Decide DecideRecordChange(AppContext& ctx, std::string agreement, ag::RecordChange change,
                          std::optional<std::uint64_t> if_match) {
  return OnAgreement(ctx, std::move(agreement), if_match,
                     [&ctx, change = std::move(change)](
                         const ag::AgreementState& s) -> Result<std::vector<NewEvent>> {
                       if (Status c = CheckCites(ctx, s.info().id, change.cites); !c.ok()) return c;
                       return ag::DecideChange(s, change);
                     });
}

Decide DecideImportMarkdown(AppContext& ctx, std::string agreement, ag::ImportMarkdown import,
                            std::optional<std::uint64_t> if_match) {
  return OnAgreement(ctx, std::move(agreement), if_match,
                     [import = std::move(import)](const ag::AgreementState& s) {
                       return ag::DecideImport(s, import);
                     });
}

Decide DecidePublishVersion(AppContext& ctx, std::string agreement, ag::PublishVersion publish,
                            std::optional<std::uint64_t> if_match) {
  return OnAgreement(ctx, std::move(agreement), if_match,
                     [publish = std::move(publish)](const ag::AgreementState& s) {
                       return ag::DecidePublish(s, publish);
                     });
}

}  // namespace hoering::app
