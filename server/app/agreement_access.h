// Shared steps of the agreement routes: getting the agreement's state (and, for position:/time: selectors, its events).
#pragma once

#include <memory>
#include <vector>

#include "domain/agreements/agreement_state.h"
#include "domain/agreements/time_travel.h"
#include "server/app/app_context.h"
#include "server/app/page.h"

namespace hoering::app {

Result<std::shared_ptr<const agreements::AgreementState>> LoadAgreement(AppContext& ctx,
                                                                        const std::string& id);

// Agreements by id, as GET /v1/agreements lists them (AgreementSummaryJson).
Page AgreementsPage(AppContext& ctx, const PageRequest& page);

// The stream's events when a selector needs them (position:/time:), else empty.
Result<std::vector<RecordedEvent>> EventsFor(AppContext& ctx, const std::string& id,
                                             std::initializer_list<agreements::AtSelector> ats);

}  // namespace hoering::app
