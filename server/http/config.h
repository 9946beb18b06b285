// Server configuration from the command line and the environment (CLI11).
// Every value option has an environment variable; a flag on the command line
// wins over the variable, which wins over the default. The admin token comes
// only from HOERING_ADMIN_TOKEN, never from a flag (flags show in `ps`).
//
//   --listen            HOERING_LISTEN            host:port or [v6]:port   127.0.0.1:8080
//   --data-dir          HOERING_DATA_DIR          directory                ./data
//   --threads           HOERING_THREADS           0..1024, 0 = all cores   0
//   --max-body          HOERING_MAX_BODY          bytes, K/M/G suffix      32M
//   --max-header        HOERING_MAX_HEADER        bytes, K/M suffix        16K
//   --read-timeout-ms   HOERING_READ_TIMEOUT_MS   1..86400000              30000
//   --drain-timeout-ms  HOERING_DRAIN_TIMEOUT_MS  0..86400000              10000
//   --checkpoint-every  HOERING_CHECKPOINT_EVERY  events, 0 = at shutdown only  100000
//   --block-cache-mb    HOERING_BLOCK_CACHE_MB    1..1048576 MiB           64
//   --write-buffer-mb   HOERING_WRITE_BUFFER_MB   4..1048576 MiB           48
//   --max-wal-mb        HOERING_MAX_WAL_MB        MiB                      64
//   --response-cache-mb HOERING_RESPONSE_CACHE_MB 0..1048576 MiB           32
//   --public-url        HOERING_PUBLIC_URL        absolute http(s) URL     http://<listen>
//   --log-format        HOERING_LOG_FORMAT        text | json              text
//   --log-level         HOERING_LOG_LEVEL         trace..off               info
//   --rebuild-projections                         boolean flag             false
//   --verify DIR                                  verify a data dir, exit  unset
//
// Thread safety: pure; `getenv` is called only during the call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/status.h"
#include "server/http/http_server.h"

namespace hoering::http {

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  std::string listen_host = "127.0.0.1";  // parsed from `listen` (brackets removed)
  std::uint16_t listen_port = 8080;       // parsed from `listen`
  std::string data_dir = "./data";
  unsigned threads = 0;  // 0 = hardware concurrency
  std::size_t max_body = 32 * 1024 * 1024;
  std::size_t max_header = 16 * 1024;
  std::uint64_t read_timeout_ms = 30'000;
  std::uint64_t drain_timeout_ms = 10'000;
  std::string log_format = "text";  // "text" | "json"
  std::string log_level = "info";   // trace | debug | info | warn | error | critical | off
  std::string admin_token;          // HOERING_ADMIN_TOKEN only; empty if unset
  bool rebuild_projections = false;
  std::uint64_t checkpoint_every = 100000;
  // The store's memory budget, MiB (storage/rocksdb_event_store.h).
  std::uint64_t block_cache_mb = 64;
  std::uint64_t write_buffer_mb = 48;
  std::uint64_t max_wal_mb = 64;
  // Folded responses kept between requests, MiB (server/app/response_cache.h).
  std::uint64_t response_cache_mb = 32;
  // Threads for slow work off the I/O threads (server/app/app.h).
  std::uint64_t blocking_threads = 2;
  // Where people reach the server (links in invitations): an absolute
  // http(s) URL without user info, query, fragment or trailing slash;
  // ParseServerConfig() sets "http://" + listen when none is given.
  std::string public_url;
  std::optional<std::string> verify_data_dir;  // --verify DIR: verify and exit

  // --help: the caller prints help_text to stdout and exits with status 0.
  bool exit_now = false;
  std::string help_text;
};

// Parses argv (argv[0] is the program name) and the environment through
// `getenv` (pass std::getenv in main; a map lookup in tests). Errors are
// kInvalidArgument "invalid-config" whose detail names the flag or variable
// and the accepted values.
Result<ServerConfig> ParseServerConfig(int argc, char** argv,
                                       const std::function<const char*(const char*)>& getenv);

// Byte sizes: digits with an optional binary suffix K, KB, KiB, M, MB, MiB,
// G, GB, GiB (case-insensitive; all powers of 1024). nullopt if malformed or
// overflowing.
std::optional<std::uint64_t> ParseByteSize(std::string_view text);

// Transport options from a configuration.
HttpServerOptions ToHttpServerOptions(const ServerConfig& config);

}  // namespace hoering::http
