// The committee's response inbox (issue 15), shared by its two files:
// pages_inbox.cpp renders GET /manage/consultations/{id}/responses (every
// point of every response, filtered, 50 a page) and pages_inbox_write.cpp
// takes its disposition forms (one point, or the selected points). A form
// that fails is answered with the inbox page again, the problem at its field
// and in the error summary, the input kept.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "domain/agreements/agreement_state.h"
#include "server/app/point_search.h"
#include "server/web/page.h"

namespace hoering::web {

inline constexpr std::size_t kInboxPageSize = 50;

// What the inbox shows: the filter and the page's cursor.
struct InboxView {
  app::PointFilter filter;
  std::string after;
};

// The view named by the inbox's query parameters (party, kind, section,
// outcome, late, withdrawn, q, after), read through `get` (a query or the
// hidden "view_" fields of a form, `prefix` "view_"). 400 "invalid-query" for
// an outcome, late or withdrawn value the filter form does not offer.
Result<InboxView> InboxViewOf(const PageCall& call, bool from_form);

// "/manage/consultations/<id>/responses?<the view's parameters>" (without
// the cursor unless `with_cursor`).
std::string InboxHref(const std::string& consultation, const InboxView& view,
                      bool with_cursor = true);

// A disposition form that was refused, shown again.
struct InboxFailure {
  std::string point;  // "<response>/<n>" of a one-point form; "" for the selection form
  std::string outcome, rationale, changes;
  std::set<std::string> selected;  // the selection form's ticked points
  std::string field;               // the field the problem belongs to (its id)
  Status problem;
};

// A refusal in the reader's language: "inbox.problems.<type>", else
// "problems.<type>", else by HTTP status.
std::string InboxProblemMessage(const PageCall& call, const Status& problem);

// The inbox page; with `failure`, that form's problem shown at its field.
// `saved` ("<response>/<n>") is marked as just saved.
Result<PageReply> InboxPage(const PageCall& call, const std::string& consultation,
                            const InboxView& view, const InboxFailure* failure = nullptr,
                            const std::string& saved = "");

// The change field's suggestions (a <datalist> on the inbox page): the
// agreement's newest change sets, at most kChangeSetChoices, newest first,
// as [{id, label}], the label "<id> – <rationale>" (the rationale cut at 80
// bytes, whole characters).
inline constexpr std::size_t kChangeSetChoices = 50;
nlohmann::json ChangeSetChoices(const agreements::AgreementState& agreement);

void AddInboxWritePages(Pages& pages);

}  // namespace hoering::web
