#include "server/http/config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>
#include <limits>
#include <vector>

#include "domain/decimal.h"

namespace hoering::http {
namespace {

Status ConfigError(const std::string& source, const std::string& value, const std::string& want) {
  return InvalidArgument("invalid " + source + " '" + value + "': expected " + want,
                         "invalid-config");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::uint64_t> ParseUint(std::string_view s) {
  return ParseDecimal<std::uint64_t>(s);
}

// "host:port" or "[v6]:port".
Status ParseListen(const std::string& source, const std::string& text, ServerConfig& c) {
  const std::string want = "host:port or [ipv6]:port with a port 0..65535";
  std::string host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return ConfigError(source, text, want);
    }
    host = text.substr(1, close - 1);
    port = std::string_view(text).substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || text.find(':') != colon) {
      return ConfigError(source, text, want);
    }
    host = text.substr(0, colon);
    port = std::string_view(text).substr(colon + 1);
  }
  auto p = ParseUint(port);
  if (host.empty() || !p || *p > 65535) return ConfigError(source, text, want);
  c.listen = text;
  c.listen_host = host;
  c.listen_port = static_cast<std::uint16_t>(*p);
  return Status::Ok();
}

// An absolute http(s) URL with a host, without user info, query or fragment;
// stored without trailing slashes.
Status ParsePublicUrl(const std::string& source, const std::string& text, ServerConfig& c) {
  const std::string want =
      "an absolute http:// or https:// URL with a host and no user info, query or fragment, "
      "e.g. https://hoering.example.dk";
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return ConfigError(source, text, want);
  const boost::urls::url_view& u = *parsed;
  const bool http =
      u.scheme_id() == boost::urls::scheme::http || u.scheme_id() == boost::urls::scheme::https;
  if (!http || !u.has_authority() || u.host().empty() || u.has_userinfo() || u.has_query() ||
      u.has_fragment() || (u.has_port() && (u.port().empty() || u.port_number() == 0))) {
    return ConfigError(source, text, want);
  }
  std::string url = text;
  while (url.back() == '/') url.pop_back();
  c.public_url = std::move(url);
  return Status::Ok();
}

struct ValueOption {
  const char* flag;
  const char* env;
  const char* help;
  std::string value;  // from the command line
  CLI::Option* option = nullptr;
  // Parses the final text into the config.
  std::function<Status(const std::string& source, const std::string& text, ServerConfig&)> apply;
};

auto UintIn(std::uint64_t lo, std::uint64_t hi,
            std::function<void(ServerConfig&, std::uint64_t)> set) {
  return [=](const std::string& source, const std::string& text, ServerConfig& c) -> Status {
    auto v = ParseUint(text);
    if (!v || *v < lo || *v > hi) {
      return ConfigError(source, text,
                         "an integer " + std::to_string(lo) + ".." + std::to_string(hi));
    }
    set(c, *v);
    return Status::Ok();
  };
}

auto SizeIn(std::uint64_t lo, std::uint64_t hi,
            std::function<void(ServerConfig&, std::uint64_t)> set) {
  return [=](const std::string& source, const std::string& text, ServerConfig& c) -> Status {
    auto v = ParseByteSize(text);
    if (!v || *v < lo || *v > hi) {
      return ConfigError(
          source, text,
          "a size " + std::to_string(lo) + ".." + std::to_string(hi) + " bytes (suffixes K, M, G)");
    }
    set(c, *v);
    return Status::Ok();
  };
}

auto OneOf(std::vector<std::string> allowed, std::function<void(ServerConfig&, std::string)> set) {
  return [=](const std::string& source, const std::string& text, ServerConfig& c) -> Status {
    const std::string v = Lower(text);
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      std::string want = "one of";
      for (const auto& a : allowed) want += " " + a;
      return ConfigError(source, text, want);
    }
    set(c, v);
    return Status::Ok();
  };
}

}  // namespace

std::optional<std::uint64_t> ParseByteSize(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  auto n = ParseUint(text.substr(0, digits));
  if (!n) return std::nullopt;
  const std::string suffix = Lower(text.substr(digits));
  unsigned shift = 0;
  if (suffix.empty() || suffix == "b") {
    shift = 0;
  } else if (suffix == "k" || suffix == "kb" || suffix == "kib") {
    shift = 10;
  } else if (suffix == "m" || suffix == "mb" || suffix == "mib") {
    shift = 20;
  } else if (suffix == "g" || suffix == "gb" || suffix == "gib") {
    shift = 30;
  } else {
    return std::nullopt;
  }
  if (*n > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
  return *n << shift;
}

Result<ServerConfig> ParseServerConfig(int argc, char** argv,
                                       const std::function<const char*(const char*)>& getenv) {
  constexpr std::uint64_t kDayMs = 86'400'000;
  std::vector<ValueOption> opts = {
      {"--listen",
       "HOERING_LISTEN",
       "Address to listen on, host:port or [ipv6]:port (default 127.0.0.1:8080)",
       {},
       nullptr,
       ParseListen},
      {"--data-dir",
       "HOERING_DATA_DIR",
       "Directory of the event store (default ./data)",
       {},
       nullptr,
       [](const std::string& s, const std::string& t, ServerConfig& c) {
         if (t.empty()) return ConfigError(s, t, "a directory path");
         c.data_dir = t;
         return Status::Ok();
       }},
      {"--threads",
       "HOERING_THREADS",
       "I/O threads; 0 = one per core (default 0)",
       {},
       nullptr,
       UintIn(0, 1024,
              [](ServerConfig& c, std::uint64_t v) { c.threads = static_cast<unsigned>(v); })},
      {"--max-body",
       "HOERING_MAX_BODY",
       "Largest request body, e.g. 32M (default 32M)",
       {},
       nullptr,
       SizeIn(1, std::uint64_t{4} << 30, [](ServerConfig& c, std::uint64_t v) { c.max_body = v; })},
      {"--max-header",
       "HOERING_MAX_HEADER",
       "Largest request header, e.g. 16K (default 16K)",
       {},
       nullptr,
       SizeIn(1024, 1 << 20, [](ServerConfig& c, std::uint64_t v) { c.max_header = v; })},
      {"--read-timeout-ms",
       "HOERING_READ_TIMEOUT_MS",
       "Time to receive a request or write a response, ms (default 30000)",
       {},
       nullptr,
       UintIn(1, kDayMs, [](ServerConfig& c, std::uint64_t v) { c.read_timeout_ms = v; })},
      {"--drain-timeout-ms",
       "HOERING_DRAIN_TIMEOUT_MS",
       "Longest wait for requests in flight at shutdown, ms (default 10000)",
       {},
       nullptr,
       UintIn(0, kDayMs, [](ServerConfig& c, std::uint64_t v) { c.drain_timeout_ms = v; })},
      {"--checkpoint-every",
       "HOERING_CHECKPOINT_EVERY",
       "Also store the snapshot of the in-memory read views every N events, which bounds what "
       "a start after a crash folds; 0 = only at shutdown (default 100000)",
       {},
       nullptr,
       UintIn(0, std::uint64_t{1} << 40,
              [](ServerConfig& c, std::uint64_t v) { c.checkpoint_every = v; })},
      {"--block-cache-mb",
       "HOERING_BLOCK_CACHE_MB",
       "The store's block cache for reads (index and filter blocks included), MiB (default 64)",
       {},
       nullptr,
       UintIn(1, 1u << 20, [](ServerConfig& c, std::uint64_t v) { c.block_cache_mb = v; })},
      {"--response-cache-mb",
       "HOERING_RESPONSE_CACHE_MB",
       "Responses folded from the log and kept between requests, MiB; 0 = none (default 32)",
       {},
       nullptr,
       UintIn(0, 1u << 20, [](ServerConfig& c, std::uint64_t v) { c.response_cache_mb = v; })},
      {"--blocking-threads",
       "HOERING_BLOCKING_THREADS",
       "Threads for slow work off the I/O threads: reports, receipts, verification, "
       "snapshots of the read views (default 2)",
       {},
       nullptr,
       UintIn(1, 64, [](ServerConfig& c, std::uint64_t v) { c.blocking_threads = v; })},
      {"--write-buffer-mb",
       "HOERING_WRITE_BUFFER_MB",
       "Memtables of all the store's column families together, MiB (default 64)",
       {},
       nullptr,
       UintIn(4, 1u << 20, [](ServerConfig& c, std::uint64_t v) { c.write_buffer_mb = v; })},
      {"--max-wal-mb",
       "HOERING_MAX_WAL_MB",
       "WAL size that forces a flush, so a start after a crash replays at most about this "
       "much, MiB (default 64)",
       {},
       nullptr,
       UintIn(1, 1u << 20, [](ServerConfig& c, std::uint64_t v) { c.max_wal_mb = v; })},
      {"--public-url",
       "HOERING_PUBLIC_URL",
       "Where people reach the server, for links such as invitations, e.g. "
       "https://hoering.example.dk (default http://<--listen>)",
       {},
       nullptr,
       ParsePublicUrl},
      {"--log-format",
       "HOERING_LOG_FORMAT",
       "Log lines as text or json (default text)",
       {},
       nullptr,
       OneOf({"text", "json"},
             [](ServerConfig& c, std::string v) { c.log_format = std::move(v); })},
      {"--log-level",
       "HOERING_LOG_LEVEL",
       "trace, debug, info, warn, error, critical or off (default info)",
       {},
       nullptr,
       OneOf({"trace", "debug", "info", "warn", "error", "critical", "off"},
             [](ServerConfig& c, std::string v) { c.log_level = std::move(v); })},
  };

  CLI::App app{"hoering-server: event-sourced HTTP server for public consultations."};
  app.footer(
      "Environment: each option above can also be set by the variable named in brackets;\n"
      "a flag wins over the variable. HOERING_ADMIN_TOKEN sets the admin bearer token\n"
      "(there is deliberately no flag for it).");
  app.get_formatter()->column_width(30);
  for (auto& o : opts) {
    o.option = app.add_option(o.flag, o.value, std::string(o.help) + " [" + o.env + "]");
  }
  bool rebuild = false;
  std::string verify;
  app.add_flag("--rebuild-projections", rebuild,
               "Ignore the stored read-view checkpoint: fold the whole log from position 1 "
               "at start (a new checkpoint is stored at shutdown)");
  auto* verify_opt =
      app.add_option("--verify", verify,
                     "Verify the hash chain of the data directory DIR, print the result and exit");
  verify_opt->type_name("DIR");

  ServerConfig config;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    config.exit_now = true;
    config.help_text = app.help();
    return config;
  } catch (const CLI::CallForAllHelp&) {
    config.exit_now = true;
    config.help_text = app.help("", CLI::AppFormatMode::All);
    return config;
  } catch (const CLI::ParseError& e) {
    return InvalidArgument(std::string("command line: ") + e.what(), "invalid-config");
  }

  for (auto& o : opts) {
    if (o.option->count() > 0) {
      if (Status st = o.apply(o.flag, o.value, config); !st.ok()) return st;
    } else if (const char* env = getenv(o.env); env != nullptr && *env != '\0') {
      if (Status st = o.apply(o.env, env, config); !st.ok()) return st;
    }
  }
  if (config.public_url.empty()) config.public_url = "http://" + config.listen;
  config.rebuild_projections = rebuild;
  if (verify_opt->count() > 0) {
    if (verify.empty()) return ConfigError("--verify", verify, "a directory path");
    config.verify_data_dir = verify;
  }
  if (const char* token = getenv("HOERING_ADMIN_TOKEN"); token != nullptr) {
    config.admin_token = token;
  }
  return config;
}

HttpServerOptions ToHttpServerOptions(const ServerConfig& c) {
  HttpServerOptions o;
  o.address = c.listen_host;
  o.port = c.listen_port;
  o.threads = c.threads;
  o.max_body = c.max_body;
  o.max_header = c.max_header;
  o.read_timeout = std::chrono::milliseconds(c.read_timeout_ms);
  o.drain_timeout = std::chrono::milliseconds(c.drain_timeout_ms);
  o.log_format = c.log_format == "json" ? LogFormat::kJson : LogFormat::kText;
  return o;
}

}  // namespace hoering::http
