// The API's JSON documents (the queries' answers) turned into what the page
// templates show: times in the consultation's zone and the reader's language,
// states and outcomes as catalogue labels, links. One converter per document
// kind, shared by every page that shows it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/commands/command_service.h"
#include "server/web/page.h"
#include "server/web/text_view.h"

namespace hoering::web {

// A consultation (ConsultationJson) for lists and its own page:
// {id, title, href, state, state_label, is_open, is_closed, is_scheduled,
//  opens, closes, remaining, time_zone, submitted, extended, agreement,
//  agreement_href, version_number, version_label}.
nlohmann::json ConsultationEntry(const PageCall& call, const nlohmann::json& c);

// A response (ResponseJson) as its page and lists show it, times in `zone`:
// {id, href, author, party, party_name, submitted, received, revision,
//  summary, withdrawn, late, points: [{n, section, section_href, quote, text,
//  outcome_label, rationale, has_disposition, changes}], attachments, receipt}.
// With `text` (the consulted text), a point's `section` is its heading.
nlohmann::json ResponseEntry(const PageCall& call, const nlohmann::json& r,
                             const std::string& consultation, const std::string& agreement,
                             const std::string& zone, const RenderedText* text = nullptr);

// The consulted version's text of consultation `c` (ConsultationJson) as
// pages show it (text_view.h RenderedTextFor, headings from h3).
Result<std::shared_ptr<const RenderedText>> ConsultedText(const PageCall& call,
                                                          const nlohmann::json& c);

// Every consultation (ConsultationJson), by id, from the query behind
// GET /v1/consultations, page after page.
Result<std::vector<nlohmann::json>> AllConsultations(app::AppContext& ctx);

// For the pages of a party's own work: nullopt for a signed-in party; a
// redirect to /sign-in for an anonymous reader; 403 "not-a-party" for
// another role.
std::optional<Result<PageReply>> UnlessParty(const PageCall& call);

// "/consultations/<id>/responses/<rid>/receipt": a response's receipt page.
std::string ReceiptHref(const std::string& consultation, const std::string& response);

// The idempotency key of one rendering of a form: the form carries a random
// hidden "form_key" (NewFormKey()), so a second click of the same button (or
// a reload of the POST) is answered with the first's outcome instead of
// writing twice. Scoped to the reader's token, fingerprinted from `head` (e.g.
// "POST /manage/...") and `body`; nullopt when the form sent no usable key.
std::optional<commands::IdempotencyKey> FormIdempotencyKey(const PageCall& call,
                                                           std::string_view head,
                                                           std::string_view body);
// A new form_key (32 hex characters).
std::string NewFormKey();

// The catalogue label of a disposition outcome ("accepted" -> "Imødekommet").
std::string OutcomeLabel(const PageCall& call, const std::string& outcome);

}  // namespace hoering::web
