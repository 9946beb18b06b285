// The demo data set: the Sundhedsaftale 2024-2027 process of Region
// Midtjylland (seeds 000-003) and the conditional approval of the 2015-2018
// agreement (seed 004), loaded through the public HTTP API, i.e. with exactly
// the requests any client would send (docs/api.md).
//
// What is real and what is invented: parties, the agreement text (seed 001),
// the four changes after the consultation (seed 000), the consultation period,
// the SSU approval, one municipality's three-body approval chain, and
// Sundhedsstyrelsen's decisions (seeds 002, 004) come from the seed documents.
// The consultation responses, the rationale of the change sets and the
// dispositions are invented and labelled "Illustrative" in their text; the
// council meeting dates the seeds do not give are labelled in the decision's
// `note`. demo_data.h lists the details.
//
// REQUIRES: an empty server (LoadDemo fails with the server's problem, e.g.
// party-exists, on a second run) and an Api whose token has the admin role.
// Not thread-safe (the Api is not); blocks for a few hundred requests.
#pragma once

#include <functional>
#include <string>

#include "client/lib/api.h"
#include "domain/status.h"

namespace hoering::client::demo {

// Loads the demo into an empty server through `admin` (an Api with the admin
// token), the same requests any client would send. `log` gets one line per
// step. Returns the first failure (the ApiError's detail, naming the step) or
// ok. Responses are recorded by the secretariat role with `received_at` inside
// the consultation period, so they are on time whatever the server's clock
// says; only if the server refuses that with consultation-closed are they
// recorded with `accept_late`.
Status LoadDemo(Api& admin, const std::function<void(const std::string&)>& log);

}  // namespace hoering::client::demo
