// A fast reader for recorded ResponseSubmitted / ResponseAmended data: the
// hot path of every response fold (lists on a cache miss, reports, traces).
//
// ReadResponseRevisionFast(data), when it returns a value, equals
// ResponseRevisionFromJson(json::parse(data)). It parses with simdjson (its
// DOM: each field is found once, in any order) into the structs, with no
// nlohmann document. It returns nullopt for anything outside the shape the
// writers produce (not an object, a key twice in one object, a missing or
// mistyped field, a number that is not an unsigned integer in range, a bad
// time or publication, invalid UTF-8): the caller then decodes with
// ResponseRevisionFromJson, which gives the same result or the exact error.
// Unknown keys are skipped, as ResponseRevisionFromJson skips them. Pure,
// thread-safe (a parser per thread).
#pragma once

#include <optional>
#include <string_view>

#include "domain/consultations/response_events.h"

namespace hoering::consultations {

std::optional<ResponseRevisionEvent> ReadResponseRevisionFast(std::string_view data);

}  // namespace hoering::consultations
