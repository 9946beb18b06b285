// The read views the server keeps in memory, as one value: projections of
// the log whose size grows with the number of parties, tokens, agreements,
// consultations, invitations and decisions, never with the number of responses (those
// are the persistent response index's, server/app/response_index.h).
//
// Apply() feeds one event to each view in turn; each view picks the streams
// it cares about. Feeding the whole log from position 1 in order gives the
// current read views; the result depends only on the events, so a rebuild
// is byte-identical (Snapshot().dump()) to the incrementally maintained set.
//
// A copy is cheap: views share their folded states copy-on-write, so a copy
// taken under the server's lock can be serialised outside it.
// Not thread-safe; a value.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "domain/access/access.h"
#include "domain/agreements/agreements_view.h"
#include "domain/consultations/consultations_view.h"
#include "domain/decisions/decisions_view.h"
#include "domain/invitations/invitations_view.h"
#include "domain/parties/parties_view.h"

namespace hoering::projections {

// Bumped whenever a view's folding or its snapshot shape changes: a checkpoint
// written with another value is ignored and the views are rebuilt from the log.
// 2: events are decoded once (domain/events/decoded_event.h); events of
// unknown types no longer break a stream whatever their data.
// 3: the views hold no responses (server/app/response_index.h) and no
// agreement version texts (server/app/version_texts.h).
// 4: invitations (domain/invitations/invitations_view.h).
inline constexpr int kSnapshotFormat = 4;

struct Views {
  parties::PartiesView parties;
  access::AccessView access;
  agreements::AgreementsView agreements;
  consultations::ConsultationsView consultations;
  decisions::DecisionsView decisions;
  invitations::InvitationsView invitations;

  // Decodes `e` once (domain/events/decoded_event.h) and hands it to every
  // view. Events of response and attachment streams, which no view here
  // folds, are skipped without being decoded.
  void Apply(const RecordedEvent& e);
  // False for the events Apply() skips: after them the views are unchanged,
  // so a snapshot taken before them also holds after them. A change to this
  // rule bumps kSnapshotFormat.
  static bool Folds(const RecordedEvent& e);

  // {"access", "agreements", "consultations", "decisions", "invitations",
  // "parties"}: each view's canonical snapshot (domain/snapshot/snapshot_json.h).
  nlohmann::json Snapshot() const;
  // kCorruption when any part is missing or malformed.
  static Result<Views> FromSnapshot(const nlohmann::json& j);

  // Calls f(name, view) for each view, by name in the order of Snapshot()'s keys.
  template <typename F>
  void ForEach(F&& f) {
    EachOf(*this, f);
  }
  template <typename F>
  void ForEach(F&& f) const {
    EachOf(*this, f);
  }

 private:
  template <typename Self, typename F>
  static void EachOf(Self& v, F& f) {
    f("access", v.access);
    f("agreements", v.agreements);
    f("consultations", v.consultations);
    f("decisions", v.decisions);
    f("invitations", v.invitations);
    f("parties", v.parties);
  }
};

}  // namespace hoering::projections
