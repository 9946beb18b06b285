#include "domain/event_codec.h"

#include <cstring>
#include <type_traits>

#include "domain/sha256.h"
#include "domain/time.h"

namespace hoering {
namespace {

constexpr std::string_view kMagic = "hoer-ev1";
constexpr unsigned char kFormat = 1;

// The grammar's integers: u64 and u32, big-endian.
template <typename T>
constexpr bool kGrammarUint = std::is_same_v<T, std::uint64_t> || std::is_same_v<T, std::uint32_t>;

template <typename T>
void PutUint(std::string& out, T v) {
  static_assert(kGrammarUint<T>);
  for (int i = static_cast<int>(sizeof(T)) - 1; i >= 0; --i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
}
void PutStr(std::string& out, std::string_view s) {
  PutUint(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Reads the grammar from a string_view; every read checks the remaining size.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Uint(T& v) {
    static_assert(kGrammarUint<T>);
    if (in_.size() < sizeof(T)) return false;
    v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v = v << 8 | static_cast<unsigned char>(in_[i]);
    in_.remove_prefix(sizeof(T));
    return true;
  }
  bool Str(std::string& s) {
    std::uint32_t n = 0;
    if (!Uint(n) || in_.size() < n) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool Bytes(unsigned char* dst, size_t n) {
    if (in_.size() < n) return false;
    std::memcpy(dst, in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool Literal(std::string_view lit) {
    if (in_.substr(0, lit.size()) != lit) return false;
    in_.remove_prefix(lit.size());
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

std::string_view View(const Hash& h) {
  return {reinterpret_cast<const char*>(h.data()), h.size()};
}

}  // namespace

std::string CanonicalBytes(const RecordedEvent& e) {
  std::string out;
  out.reserve(96 + e.stream.size() + e.type.size() + e.data.size() + e.correlation_id.size());
  out.append(kMagic);
  PutUint(out, e.position);
  PutUint(out, e.stream_version);
  PutUint(out, static_cast<std::uint64_t>(e.recorded_at_ms));
  PutUint(out, e.schema_version);
  PutStr(out, e.stream);
  PutStr(out, e.type);
  PutStr(out, e.actor.token_id);
  PutStr(out, e.actor.role);
  PutStr(out, e.actor.party);
  PutStr(out, e.correlation_id);
  PutStr(out, e.idempotency_key);
  PutStr(out, e.data);
  return out;
}

Hash ChainHash(const Hash& prev_hash, const RecordedEvent& e) {
  return Sha256(View(prev_hash), CanonicalBytes(e));
}

void SealEvent(RecordedEvent& e, const Hash& prev_hash) {
  e.prev_hash = prev_hash;
  e.hash = ChainHash(prev_hash, e);
}

std::string EncodeStored(const RecordedEvent& e) {
  std::string out;
  out.push_back(static_cast<char>(kFormat));
  out.append(View(e.prev_hash));
  out.append(View(e.hash));
  out.append(CanonicalBytes(e));
  return out;
}

Result<RecordedEvent> DecodeStored(std::string_view bytes) {
  RecordedEvent e;
  Reader r(bytes);
  unsigned char format = 0;
  std::uint64_t recorded = 0;
  bool ok = r.Bytes(&format, 1) && format == kFormat && r.Bytes(e.prev_hash.data(), 32) &&
            r.Bytes(e.hash.data(), 32) && r.Literal(kMagic) && r.Uint(e.position) &&
            r.Uint(e.stream_version) && r.Uint(recorded) && r.Uint(e.schema_version) &&
            r.Str(e.stream) && r.Str(e.type) && r.Str(e.actor.token_id) && r.Str(e.actor.role) &&
            r.Str(e.actor.party) && r.Str(e.correlation_id) && r.Str(e.idempotency_key) &&
            r.Str(e.data) && r.done();
  if (!ok) return Status(Code::kCorruption, "stored event does not follow the format");
  e.recorded_at_ms = static_cast<std::int64_t>(recorded);
  return e;
}

bool HashMatches(const RecordedEvent& e) {
  return ChainHash(e.prev_hash, e) == e.hash;
}

nlohmann::json EventToJson(const RecordedEvent& e) {
  nlohmann::json data = nlohmann::json::parse(e.data, nullptr, /*allow_exceptions=*/false);
  nlohmann::json j = EventHeadToJson(e);
  j["data"] = data.is_discarded() ? nlohmann::json(e.data) : std::move(data);
  j["data_canonical"] = e.data;
  return j;
}

nlohmann::json EventHeadToJson(const RecordedEvent& e) {
  return {
      {"position", e.position},
      {"stream", e.stream},
      {"stream_version", e.stream_version},
      {"type", e.type},
      {"schema_version", e.schema_version},
      {"recorded_at", FormatRfc3339Ms(e.recorded_at_ms)},
      {"recorded_at_ms", e.recorded_at_ms},
      {"actor", {{"token_id", e.actor.token_id}, {"role", e.actor.role}, {"party", e.actor.party}}},
      {"correlation_id", e.correlation_id},
      {"idempotency_key", e.idempotency_key},
      {"prev_hash", ToHex(e.prev_hash)},
      {"hash", ToHex(e.hash)},
  };
}

Result<RecordedEvent> EventFromJson(const nlohmann::json& j) {
  try {
    RecordedEvent e;
    e.position = j.at("position").get<std::uint64_t>();
    e.stream = j.at("stream").get<std::string>();
    e.stream_version = j.at("stream_version").get<std::uint64_t>();
    e.type = j.at("type").get<std::string>();
    e.schema_version = j.at("schema_version").get<std::uint32_t>();
    e.recorded_at_ms = j.at("recorded_at_ms").get<std::int64_t>();
    const auto& a = j.at("actor");
    e.actor = {a.at("token_id").get<std::string>(), a.at("role").get<std::string>(),
               a.at("party").get<std::string>()};
    e.correlation_id = j.at("correlation_id").get<std::string>();
    e.idempotency_key = j.at("idempotency_key").get<std::string>();
    e.data = j.at("data_canonical").get<std::string>();
    auto prev = HashFromHex(j.at("prev_hash").get<std::string>());
    auto hash = HashFromHex(j.at("hash").get<std::string>());
    if (!prev || !hash) return InvalidArgument("event hashes must be 64 hex digits");
    e.prev_hash = *prev;
    e.hash = *hash;
    return e;
  } catch (const nlohmann::json::exception& ex) {
    return InvalidArgument(std::string("event JSON: ") + ex.what());
  }
}

}  // namespace hoering
