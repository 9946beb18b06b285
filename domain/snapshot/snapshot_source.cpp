#include "domain/snapshot/snapshot_source.h"

#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace hoering::snapshot {

using nlohmann::json;

namespace {

[[noreturn]] void Refuse(const std::string& what) {
  throw std::invalid_argument("snapshot source: " + what);
}

constexpr std::uint8_t kArray = 4;
constexpr std::uint8_t kMap = 5;

}  // namespace

// --- SnapshotSource ---

void SnapshotSource::ObjectOfSize(std::size_t members) {
  const std::size_t n = ObjectSize();
  if (n != members) {
    Refuse("an object of " + std::to_string(n) + " members, expected " + std::to_string(members));
  }
}

void SnapshotSource::ExpectKey(std::string_view key) {
  const std::string_view got = Key();
  if (got != key) Refuse("key '" + std::string(got) + "', expected '" + std::string(key) + "'");
}

// --- SnapshotNesting ---

void SnapshotNesting::Count() {
  if (open_.empty()) {
    if (read_top_) Refuse("a second top-level value");
    read_top_ = true;
    return;
  }
  Open& o = open_.back();
  if (o.left == 0) Refuse("more values than the container holds");
  if (o.object && !o.has_key) Refuse("an object member without its key");
  o.has_key = false;
  --o.left;
}

void SnapshotNesting::CheckKeyNext() const {
  if (open_.empty() || !open_.back().object) Refuse("a key outside an object");
  if (open_.back().has_key) Refuse("two keys in a row");
  if (open_.back().left == 0) Refuse("more members than the object holds");
}

void SnapshotNesting::Keyed(std::string_view key) {
  CheckKeyNext();
  Open& o = open_.back();
  if (o.any_key && !(o.last_key < key)) {
    Refuse("key '" + std::string(key) + "' after '" + std::string(o.last_key) +
           "': keys out of order or twice");
  }
  o.has_key = true;
  o.any_key = true;
  o.last_key = key;
}

void SnapshotNesting::Enter(std::size_t size, bool object) {
  if (open_.size() >= kMaxSnapshotDepth) Refuse("containers nested too deep");
  open_.push_back({size, object, false, false, {}});
}

void SnapshotNesting::Leave() {
  if (open_.empty()) Refuse("End() with no container open");
  if (open_.back().left != 0 || open_.back().has_key) {
    Refuse("End() before the container's last value");
  }
  open_.pop_back();
}

void SnapshotNesting::CheckFinished() const {
  if (!read_top_ || !open_.empty()) Refuse("the snapshot was not read to its end");
}

// --- JsonSnapshotSource ---

const json& JsonSnapshotSource::Next() {
  nesting_.Count();
  if (at_.empty()) return document_;
  return *at_.back()++;
}

std::size_t JsonSnapshotSource::Enter(const json& container) {
  nesting_.Enter(container.size(), container.is_object());
  at_.push_back(container.cbegin());
  return container.size();
}

std::size_t JsonSnapshotSource::ObjectSize() {
  const json& v = Next();
  if (!v.is_object()) Refuse(std::string("expected an object, got ") + v.type_name());
  return Enter(v);
}

std::size_t JsonSnapshotSource::ArraySize() {
  const json& v = Next();
  if (!v.is_array()) Refuse(std::string("expected an array, got ") + v.type_name());
  return Enter(v);
}

std::string_view JsonSnapshotSource::Key() {
  nesting_.CheckKeyNext();  // before the iterator is asked for a key it may not have
  const std::string_view key = at_.back().key();
  nesting_.Keyed(key);
  return key;
}

const json& JsonSnapshotSource::Value() {
  return Next();
}

void JsonSnapshotSource::End() {
  nesting_.Leave();
  at_.pop_back();
}

void JsonSnapshotSource::Finish() {
  nesting_.CheckFinished();
}

// --- CborSnapshotSource ---

void CborSnapshotSource::Fail(const std::string& what) const {
  Refuse("CBOR at byte " + std::to_string(at_) + ": " + what);
}

CborSnapshotSource::Head CborSnapshotSource::ReadHead() {
  if (Left() == 0) Fail("truncated: an item expected");
  const auto first = static_cast<std::uint8_t>(bytes_[at_]);
  const std::uint8_t info = first & 0x1F;
  Head h{static_cast<std::uint8_t>(first >> 5), info, 0};
  if (info >= 24) {
    if (info == 31) Fail("an indefinite length");
    if (info > 27) Fail("a reserved head");
    const std::size_t n = std::size_t{1} << (info - 24);
    if (Left() < 1 + n) Fail("truncated head");
    h.arg_bytes = static_cast<std::uint8_t>(n);
    h.arg = 0;
    for (std::size_t i = 1; i <= n; ++i) {
      h.arg = (h.arg << 8) | static_cast<std::uint8_t>(bytes_[at_ + i]);
    }
    at_ += n;
  }
  ++at_;
  return h;
}

std::size_t CborSnapshotSource::Container(std::uint8_t major) {
  nesting_.Count();
  const Head h = ReadHead();
  if (h.major != major) {
    Fail(major == kMap ? "expected an object (a map)" : "expected an array");
  }
  // Each member takes two bytes at least, each item one: a count the bytes
  // left cannot hold is refused before anything is sized by it.
  if (h.arg > (major == kMap ? Left() / 2 : Left())) Fail("a count past the end");
  nesting_.Enter(h.arg, major == kMap);
  return h.arg;
}

std::size_t CborSnapshotSource::ObjectSize() {
  return Container(kMap);
}

std::size_t CborSnapshotSource::ArraySize() {
  return Container(kArray);
}

std::string_view CborSnapshotSource::KeyText() {
  const std::size_t begin = at_;
  const Head h = ReadHead();
  if (h.major != 3) {
    at_ = begin;
    Fail("a key that is not a text string");
  }
  if (h.arg > Left()) Fail("a key past the end");
  const std::string_view key = bytes_.substr(at_, h.arg);
  at_ += h.arg;
  return key;
}

std::string_view CborSnapshotSource::Key() {
  nesting_.CheckKeyNext();
  const std::string_view key = KeyText();
  nesting_.Keyed(key);
  return key;
}

double CborSnapshotSource::Float(const Head& h) {
  switch (h.arg_bytes) {
    case 2: {  // IEEE 754 half precision (RFC 8949, appendix D)
      const auto half = static_cast<std::uint16_t>(h.arg);
      const int exponent = (half >> 10) & 0x1F;
      const int mantissa = half & 0x3FF;
      const double magnitude = exponent == 0 ? std::ldexp(mantissa, -24)
                               : exponent == 31
                                   ? (mantissa == 0 ? std::numeric_limits<double>::infinity()
                                                    : std::numeric_limits<double>::quiet_NaN())
                                   : std::ldexp(mantissa + 1024, exponent - 25);
      return (half & 0x8000) ? -magnitude : magnitude;
    }
    case 4:
      return std::bit_cast<float>(static_cast<std::uint32_t>(h.arg));
    case 8:
      return std::bit_cast<double>(h.arg);
    default:
      Fail("a simple value json cannot hold");
  }
}

json CborSnapshotSource::Build(std::size_t depth) {
  const std::size_t begin = at_;
  const Head h = ReadHead();
  switch (h.major) {
    case 0:
      return json(h.arg);
    case 1:
      if (h.arg > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        at_ = begin;
        Fail("a negative integer past 64 bits");
      }
      return json(-1 - static_cast<std::int64_t>(h.arg));
    case 2:
    case 3: {
      if (h.arg > Left()) Fail("a string past the end");
      const char* data = bytes_.data() + at_;
      at_ += h.arg;
      if (h.major == 3) return json(std::string(data, h.arg));
      return json::binary(std::vector<std::uint8_t>(data, data + h.arg));
    }
    case kArray:
    case kMap: {
      if (h.arg > (h.major == kMap ? Left() / 2 : Left())) Fail("a count past the end");
      if (depth + 1 >= kMaxSnapshotDepth) Fail("containers nested too deep");
      if (h.major == kArray) {
        json out = json::array();
        auto& items = out.get_ref<json::array_t&>();
        items.reserve(h.arg);
        for (std::uint64_t i = 0; i < h.arg; ++i) items.push_back(Build(depth + 1));
        return out;
      }
      json out = json::object();
      auto& members = out.get_ref<json::object_t&>();
      for (std::uint64_t i = 0; i < h.arg; ++i) {
        const std::size_t key_at = at_;
        std::string key(KeyText());
        // Keys come sorted from the sink: the end is where each one goes.
        const std::size_t size_before = members.size();
        members.emplace_hint(members.end(), std::move(key), Build(depth + 1));
        if (members.size() == size_before) {
          at_ = key_at;
          Fail("a key twice in one object");
        }
      }
      return out;
    }
    case 6:
      at_ = begin;
      Fail("a tag (json holds none)");
    default:  // 7: simple values and floats
      if (h.arg_bytes == 0 || h.arg_bytes == 1) {
        if (h.arg == 20) return json(false);
        if (h.arg == 21) return json(true);
        if (h.arg == 22) return json(nullptr);
        at_ = begin;
        Fail("a simple value json cannot hold");
      }
      return json(Float(h));
  }
}

const json& CborSnapshotSource::Value() {
  nesting_.Count();
  value_ = Build(nesting_.depth());
  return value_;
}

void CborSnapshotSource::End() {
  nesting_.Leave();
}

void CborSnapshotSource::Finish() {
  nesting_.CheckFinished();
  if (at_ != bytes_.size()) Fail(std::to_string(Left()) + " bytes after the snapshot");
}

}  // namespace hoering::snapshot
