// Folding the log from position 1 on two cores.
//
// Response streams are independent of one another and carry most events, so
// FoldFromScratch hands the events of half of them (by a hash of the stream)
// to a second thread that folds them into its own consultations view, while
// this thread reads the log and folds everything else; the two consultations
// views are merged at the end (ConsultationsView::MergeResponsesFrom). The
// result is identical to folding every event in order with Views::Apply
// (tests/server/app/projections_rebuild_test.cpp compares the snapshots).
#pragma once

#include <cstdint>

#include "domain/projections/views.h"
#include "storage/event_store.h"

namespace hoering::app {

// Folds the events at positions 1..up_to of `store` into `views`, which
// REQUIRES: nothing folded yet. Returns the last position folded (less than
// up_to when the log ends first) or the store's read error.
Result<std::uint64_t> FoldFromScratch(const EventStore& store, projections::Views& views,
                                      std::uint64_t up_to);

}  // namespace hoering::app
