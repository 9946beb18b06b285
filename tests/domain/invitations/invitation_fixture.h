// Test support for the invitation domain: an in-memory log holding
// consultation "h-1" (inviting "aarhus" and "plo", closing at kClosesAt) and
// its invitations, folded into a ConsultationState and an InvitationsView.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "domain/consultations/consultation_events.h"
#include "domain/consultations/consultation_state.h"
#include "domain/invitations/invitation_decide.h"
#include "domain/invitations/invitations_view.h"
#include "tests/support/event_log_builder.h"
#include "tests/support/expect_error.h"

namespace hoering::invitations::testing {

inline constexpr TimeMs kDay = 86'400'000;
inline constexpr TimeMs kOpensAt = 1'684'108'800'000;  // 2023-05-15T00:00:00Z
inline constexpr TimeMs kClosesAt = kOpensAt + 100 * kDay;

class InvitationLog {
 public:
  InvitationLog() {
    consultations::ConsultationOpened opened;
    opened.id = "h-1";
    opened.agreement = "sa";
    opened.version = {1, "draft", "abc"};
    opened.title = "Høring";
    opened.opens_at = kOpensAt;
    opened.closes_at = kClosesAt;
    opened.invited = {"aarhus", "plo"};
    Fold(log_.Append(consultations::ConsultationStream("h-1"), consultations::ToEvent(opened),
                     kOpensAt - kDay));
  }

  // Appends `event` (a decision's) to the stream it belongs to and folds it.
  void Append(const std::string& stream, const NewEvent& event, TimeMs at) {
    Fold(log_.Append(stream, event, at));
  }
  // Issues invitation `id` of `party` to "h-1" at `at` (its code hash: "hash-<id>").
  void Issue(const std::string& id, const std::string& party, TimeMs at) {
    auto e = DecideIssue(consultation_, {id, "h-1", party, "hash-" + id}, at);
    ASSERT_TRUE(e.ok()) << e.status().detail();
    Append(InvitationStream("h-1"), *e, at);
  }
  void Revoke(const std::string& id, TimeMs at, std::optional<std::string> reason = {}) {
    auto e = DecideRevoke(view_, "h-1", id, reason);
    ASSERT_TRUE(e.ok()) << e.status().detail();
    Append(InvitationStream("h-1"), *e, at);
  }

  const consultations::ConsultationState& consultation() const { return consultation_; }
  const InvitationsView& view() const { return view_; }
  const std::vector<RecordedEvent>& events() const { return log_.events(); }

 private:
  void Fold(const RecordedEvent& e) {
    if (e.stream == consultations::ConsultationStream("h-1")) {
      Status s = consultation_.Apply(e);
      ASSERT_TRUE(s.ok()) << s.detail();
    }
    view_.Apply(e);
  }

  hoering::testing::InMemoryLog log_;
  consultations::ConsultationState consultation_;
  InvitationsView view_;
};

}  // namespace hoering::invitations::testing
