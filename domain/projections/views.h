// Every read model of the server, as one value: the projections of the log.
//
// Apply() feeds one event to each view in turn; each view picks the streams
// it cares about. Feeding the whole log from position 1 in order gives the
// current read models; the result depends only on the events, so a rebuild
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
#include "domain/parties/parties_view.h"

namespace hoering::projections {

// Bumped whenever a view's folding or its snapshot shape changes: a checkpoint
// written with another value is ignored and the views are rebuilt from the log.
// 2: events are decoded once (domain/events/decoded_event.h); events of
// unknown types no longer break a stream whatever their data.
inline constexpr int kSnapshotFormat = 2;

struct Views {
  parties::PartiesView parties;
  access::AccessView access;
  agreements::AgreementsView agreements;
  consultations::ConsultationsView consultations;
  decisions::DecisionsView decisions;

  // Decodes `e` once (domain/events/decoded_event.h) and hands it to every view.
  void Apply(const RecordedEvent& e);
  // Apply() for every view but `consultations`: for a fold that runs the
  // response streams of the consultations view in parallel shards
  // (server/app/sharded_fold.h). Events of response, consultation and
  // attachment streams, which only `consultations` folds, are not decoded.
  void ApplyOutsideConsultations(const RecordedEvent& e);

  // {"access", "agreements", "consultations", "decisions", "parties"}: each
  // view's canonical snapshot (domain/snapshot/snapshot_json.h).
  nlohmann::json Snapshot() const;
  // kCorruption when any part is missing or malformed.
  static Result<Views> FromSnapshot(const nlohmann::json& j);
};

}  // namespace hoering::projections
