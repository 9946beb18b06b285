// The request options a write command takes: --idempotency-key and, where
// the route checks a version, --if-match.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "client/lib/api.h"

namespace hoering::client {

struct WriteOptions {
  std::string if_match;         // as typed: 3, "3", W/"3" or *
  std::string idempotency_key;  // "" = none sent
};

// Adds --idempotency-key (help: `key_help`, default "Idempotency-Key for
// safe retries") and, unless `if_match_help` is empty, --if-match with that
// help text to `app`, bound to `w`.
void AddWriteOptions(CLI::App* app, WriteOptions& w, const std::string& if_match_help = {},
                     const std::string& key_help = "Idempotency-Key for safe retries");

// If-Match as sent: `3` becomes `"3"`; an already quoted tag, a weak tag or
// `*` is sent verbatim; "" stays "" (not sent).
std::string EntityTag(const std::string& s);

// The CallOptions carrying `w` (If-Match through EntityTag).
CallOptions ToCallOptions(const WriteOptions& w);

}  // namespace hoering::client
