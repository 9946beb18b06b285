#include "client/cli/write_options.h"

namespace hoering::client {

void AddWriteOptions(CLI::App* app, WriteOptions& w, const std::string& if_match_help,
                     const std::string& key_help) {
  if (!if_match_help.empty()) app->add_option("--if-match", w.if_match, if_match_help);
  app->add_option("--idempotency-key", w.idempotency_key, key_help);
}

std::string EntityTag(const std::string& s) {
  if (s.empty() || s == "*" || s.front() == '"' || s.rfind("W/", 0) == 0) return s;
  return '"' + s + '"';
}

CallOptions ToCallOptions(const WriteOptions& w) {
  CallOptions call;
  call.if_match = EntityTag(w.if_match);
  call.idempotency_key = w.idempotency_key;
  return call;
}

}  // namespace hoering::client
