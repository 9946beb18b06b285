// Where a read view reads its snapshot back one piece at a time: the read
// side of SnapshotSink (snapshot_sink.h), with the same grammar, so that a
// checkpoint's part is restored without ever holding the whole view as one
// JSON document.
//
// A reader (a view's ReadSnapshot) calls, for a JSON object, ObjectSize()
// (which returns its member count n), then n times Key() followed by one
// value, then End(); for an array ArraySize(), that many values, End(). A
// value is either a whole JSON value (Value()) or a nested container. After
// the top-level value, Finish() checks that nothing follows it.
//
//   JsonSnapshotSource reads an in-memory JSON document: FromSnapshot(json)
//     of a view is ReadSnapshot over it, so both read the same way.
//   CborSnapshotSource reads the bytes CborSnapshotSink (json::to_cbor)
//     writes. It walks the item heads itself, also inside each Value(),
//     which it builds as json head by head (what json::from_cbor reads,
//     without tags). It accepts definite lengths only, object keys as text
//     strings (in strictly increasing order, std::less<std::string> as
//     nlohmann::json sorts them, for the containers read with ObjectSize();
//     never twice in one object), and no container nested deeper than
//     kMaxSnapshotDepth; a count larger than the bytes left could hold is
//     refused before anything is allocated for it.
//
// Every call that does not fit the input (another type than asked for,
// truncated bytes, a bad head, a value where a key belongs, End() before the
// last member, bytes after the top-level value) throws std::invalid_argument
// naming what and, for CBOR, the byte offset; the callers turn it into
// kCorruption (snapshot::Decode, ReadWhole below). A source never reads
// outside its input. Pure; a source is one thread's; it does not own its
// input, which must outlive it (Key() and Value() refer into it or into the
// source).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/snapshot/snapshot_json.h"

namespace hoering::snapshot {

// Containers nested deeper than this are refused (nlohmann's own CBOR and
// JSON readers recurse once per level).
inline constexpr std::size_t kMaxSnapshotDepth = 256;

class SnapshotSource {
 public:
  virtual ~SnapshotSource() = default;
  // The next value is an object (array); returns its member (item) count.
  virtual std::size_t ObjectSize() = 0;
  virtual std::size_t ArraySize() = 0;
  // The next member's key. Valid as long as the input.
  virtual std::string_view Key() = 0;
  // The next value, whole. Valid until the next call on this source.
  virtual const nlohmann::json& Value() = 0;
  // The innermost open container has been read to its end.
  virtual void End() = 0;
  // The top-level value has been read, and nothing follows it.
  virtual void Finish() = 0;

  // ObjectSize(), which must be `members` (an object of a fixed shape).
  void ObjectOfSize(std::size_t members);
  // Key(), which must be `key`.
  void ExpectKey(std::string_view key);
};

// The grammar both sources check the same way: the open containers, how many
// values each still holds, and its last key. Throws std::invalid_argument.
class SnapshotNesting {
 public:
  // One value is about to be read: the top-level one (once), or the next of
  // the innermost container (after its key, in an object).
  void Count();
  // A key may come next: the innermost container is an object with members
  // left, and its last key has its value.
  void CheckKeyNext() const;
  // `key` is the innermost object's next key (CheckKeyNext()), greater than
  // the key before it.
  void Keyed(std::string_view key);
  // A container of `size` values (members) was entered.
  void Enter(std::size_t size, bool object);
  // The innermost container ends here: every value of it has been read.
  void Leave();
  // The top-level value has been read through.
  void CheckFinished() const;
  std::size_t depth() const { return open_.size(); }

 private:
  struct Open {
    std::size_t left;  // values (members) still to come
    bool object;
    bool has_key = false;  // the pending member's key has been read
    bool any_key = false;
    std::string_view last_key;
  };
  std::vector<Open> open_;
  bool read_top_ = false;
};

// Reads `document` (not owned; it must outlive the source).
class JsonSnapshotSource final : public SnapshotSource {
 public:
  explicit JsonSnapshotSource(const nlohmann::json& document) : document_(document) {}
  std::size_t ObjectSize() override;
  std::size_t ArraySize() override;
  std::string_view Key() override;
  const nlohmann::json& Value() override;
  void End() override;
  void Finish() override;

 private:
  const nlohmann::json& Next();  // the next value, counted in its container
  std::size_t Enter(const nlohmann::json& container);

  const nlohmann::json& document_;
  SnapshotNesting nesting_;
  std::vector<nlohmann::json::const_iterator> at_;  // per open container, its next value
};

// Reads the CBOR in `bytes` (not owned; it must outlive the source).
class CborSnapshotSource final : public SnapshotSource {
 public:
  explicit CborSnapshotSource(std::string_view bytes) : bytes_(bytes) {}
  std::size_t ObjectSize() override;
  std::size_t ArraySize() override;
  std::string_view Key() override;
  const nlohmann::json& Value() override;
  void End() override;
  void Finish() override;

 private:
  struct Head {
    std::uint8_t major;
    std::uint64_t arg;       // its count, length or value
    std::uint8_t arg_bytes;  // 0 (in the first byte), 1, 2, 4 or 8
  };
  Head ReadHead();  // at at_, advancing past the head
  std::size_t Container(std::uint8_t major);
  // The next value as json, read head by head (nlohmann's from_cbor built
  // the same documents at a third of the speed: docs/performance.md,
  // session 19); `depth` counts the containers around it.
  nlohmann::json Build(std::size_t depth);
  std::string_view KeyText();   // a text string head and its bytes
  double Float(const Head& h);  // a major type 7 head of 2, 4 or 8 bytes
  std::size_t Left() const { return bytes_.size() - at_; }
  [[noreturn]] void Fail(const std::string& what) const;

  std::string_view bytes_;
  std::size_t at_ = 0;
  SnapshotNesting nesting_;
  nlohmann::json value_;
};

// Reads a whole View from `in` and checks that nothing follows it: through
// View::ReadSnapshot(SnapshotSource&) when the view reads its snapshot entry
// by entry (the large ones), else as one Value() through
// View::FromSnapshot(json). Never throws: a bad input is kCorruption
// "<what> snapshot: ...".
template <typename View>
Result<View> ReadWhole(SnapshotSource& in, const char* what) {
  return Decode(what, [&]() -> Result<View> {
    auto read = [&]() -> Result<View> {
      if constexpr (requires { View::ReadSnapshot(in); }) {
        return View::ReadSnapshot(in);
      } else {
        return View::FromSnapshot(in.Value());
      }
    };
    Result<View> view = read();
    if (view.ok()) in.Finish();
    return view;
  });
}

// FromSnapshot(json) of a view that reads itself entry by entry.
template <typename View>
Result<View> FromDocument(const nlohmann::json& document, const char* what) {
  JsonSnapshotSource in(document);
  return ReadWhole<View>(in, what);
}

}  // namespace hoering::snapshot
