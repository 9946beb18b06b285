// A response receipt as the load generator checks it: the fields of
// POST /v1/consultations/{c}/responses's 201 body that scenario "responses"
// judges, read in one pass with simdjson's on-demand parser (a DOM of every
// receipt cost the generator about a tenth of its CPU per request).
//
// ParseReceipt never throws. A body that is not JSON, or not a JSON object,
// gives `object == false`; a field that is missing or of another type stays
// empty. On-demand parsing validates what it reads: the object's keys and
// the judged values; bytes after the object and the insides of other values
// are not checked. When a key repeats, the last one counts (as nlohmann's
// parser). Thread-safe: each thread has its own parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoering::client::load {

struct Receipt {
  bool object = false;                    // the body is one JSON object
  std::optional<std::string> response;    // "response", a string
  bool revision_is_one = false;           // "revision" is the number 1
  bool submitted_at = false;              // "submitted_at" is a string
  std::optional<std::uint64_t> position;  // a non-negative integer or a decimal string
  std::optional<std::string> hash;        // "hash", a string
  std::optional<bool> late;               // "late", a boolean
};

Receipt ParseReceipt(std::string_view body);

// Why `r` is not a good receipt of a first submission to an open
// consultation, or "" when it is.
std::string ReceiptProblem(const Receipt& r);

}  // namespace hoering::client::load
