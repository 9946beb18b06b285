#include "domain/snapshot/snapshot_sink.h"

#include <stdexcept>
#include <utility>

namespace hoering::snapshot {

using nlohmann::json;

namespace {

[[noreturn]] void Misuse(const char* what) {
  throw std::logic_error(std::string("snapshot sink: ") + what);
}

}  // namespace

// --- JsonSnapshotSink ---

void JsonSnapshotSink::BeginObject(std::size_t members) {
  open_.push_back({json::object(), members});
}

void JsonSnapshotSink::BeginArray(std::size_t items) {
  json array = json::array();
  array.get_ref<json::array_t&>().reserve(items);
  open_.push_back({std::move(array), items});
}

void JsonSnapshotSink::Key(std::string_view key) {
  if (open_.empty() || !open_.back().value.is_object() || open_.back().has_key) {
    Misuse("a key outside an object, or two keys in a row");
  }
  open_.back().key = std::string(key);
  open_.back().has_key = true;
}

void JsonSnapshotSink::Value(const json& value) {
  Place(value);
}

void JsonSnapshotSink::End() {
  if (open_.empty() || open_.back().left != 0 || open_.back().has_key) {
    Misuse("End() before the container's last value");
  }
  json value = std::move(open_.back().value);
  open_.pop_back();
  Place(std::move(value));
}

json JsonSnapshotSink::Take() {
  if (!open_.empty() || !has_done_) Misuse("Take() before the document is complete");
  has_done_ = false;
  return std::move(done_);
}

void JsonSnapshotSink::Place(json value) {
  if (open_.empty()) {
    if (has_done_) Misuse("a second top-level value");
    done_ = std::move(value);
    has_done_ = true;
    return;
  }
  Open& o = open_.back();
  if (o.left == 0) Misuse("more values than the container was opened for");
  if (o.value.is_object()) {
    if (!o.has_key) Misuse("an object member without its key");
    o.value.emplace(std::move(o.key), std::move(value));
    o.key.clear();
    o.has_key = false;
  } else {
    o.value.push_back(std::move(value));
  }
  --o.left;
}

// --- CborSnapshotSink ---

void CborSnapshotSink::Head(std::uint8_t major, std::uint64_t n) {
  const auto base = static_cast<char>(major << 5);
  auto big_endian = [&](int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
      out_.push_back(static_cast<char>((n >> shift) & 0xFF));
    }
  };
  if (n <= 23) {
    out_.push_back(static_cast<char>(base | static_cast<char>(n)));
  } else if (n <= 0xFF) {
    out_.push_back(static_cast<char>(base | 24));
    big_endian(1);
  } else if (n <= 0xFFFF) {
    out_.push_back(static_cast<char>(base | 25));
    big_endian(2);
  } else if (n <= 0xFFFFFFFFu) {
    out_.push_back(static_cast<char>(base | 26));
    big_endian(4);
  } else {
    out_.push_back(static_cast<char>(base | 27));
    big_endian(8);
  }
}

void CborSnapshotSink::Counted() {
  if (open_.empty()) return;
  Open& o = open_.back();
  if (o.left == 0) Misuse("more values than the container was opened for");
  if (o.object && !o.has_key) Misuse("an object member without its key");
  o.has_key = false;
  --o.left;
}

void CborSnapshotSink::BeginObject(std::size_t members) {
  Counted();
  Head(5, members);
  open_.push_back({members, true});
}

void CborSnapshotSink::BeginArray(std::size_t items) {
  Counted();
  Head(4, items);
  open_.push_back({items, false});
}

void CborSnapshotSink::Key(std::string_view key) {
  if (open_.empty() || !open_.back().object || open_.back().has_key) {
    Misuse("a key outside an object, or two keys in a row");
  }
  open_.back().has_key = true;
  Head(3, key.size());
  out_.append(key);
}

void CborSnapshotSink::Value(const json& value) {
  Counted();
  json::to_cbor(value, out_);
}

void CborSnapshotSink::End() {
  if (open_.empty() || open_.back().left != 0 || open_.back().has_key) {
    Misuse("End() before the container's last value");
  }
  open_.pop_back();
}

}  // namespace hoering::snapshot
