// The decision pages (issue 15), registered by AddDecisionPages (pages.h):
//   /decisions, /decisions/{id}, .../conditions/{n}/fulfil   pages_decisions.cpp
//   /manage/decisions/new                                     pages_decisions_new.cpp
//   /agreements/{id}/ratification, /agreements/{id}/obligations[/{key}/done]
//                                                             pages_ratification.cpp
// Helpers shared by those files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "server/web/page.h"

namespace hoering::web {

void AddDecisionViewPages(Pages& pages);
void AddDecisionFormPages(Pages& pages);
void AddRatificationPages(Pages& pages);

std::string DecisionHref(const std::string& id);
// The party's name, or its id when unknown.
std::string PartyLabel(const PageCall& call, const std::string& party);
// Whether the reader may run the decision commands (the API's Editors()).
bool MayRecordDecisions(const PageCall& call);
// A YYYY-MM-DD date of a body in the reader's language (the text itself
// when it is not a date).
std::string LocalDate(const PageCall& call, const std::string& date);
// The server's date (days since 1970-01-01, UTC), as the API's queries judge "overdue".
std::int64_t TodayDays(const PageCall& call);

}  // namespace hoering::web
