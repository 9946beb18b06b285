// A fast reader for recorded ChangeSetRecorded data: the fold's hot path.
//
// ReadChangeSetRecorded(data) == ChangeSetRecordedFromJson(json::parse(data))
// for every recorded event, but parses with nlohmann's SAX interface straight
// into the structs, without building a JSON document. Measured on 10,000
// change sets: the DOM parse was about two thirds of the whole fold, the SAX
// parse costs half of it (bench/agreements_bench.cpp).
// Unknown keys are skipped (newer writers may add some); a bad shape is
// kCorruption. Pure, thread-safe.
#pragma once

#include <string_view>

#include "domain/agreements/agreement_events.h"
#include "domain/status.h"

namespace hoering::agreements {

Result<ChangeSetRecorded> ReadChangeSetRecorded(std::string_view data);

}  // namespace hoering::agreements
