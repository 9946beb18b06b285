// Where a read view writes its snapshot one piece at a time, so that the
// checkpoint encoder never holds the whole view as a JSON document (at a
// million events the decisions view's document alone was ~50 MB for 4 MB of
// CBOR; docs/performance.md).
//
// A writer (a view's WriteSnapshot) calls, for a JSON object of n members in
// key order, BeginObject(n), then n times Key(k) followed by one value, then
// End(); for an array of n items BeginArray(n), n values, End(). A value is
// either a whole JSON value (Value) or a nested Begin...End. Keys must come
// in the order nlohmann::json sorts them (std::less<std::string>), so that
// both sinks agree with the canonical JSON (snapshot_json.h).
//
//   JsonSnapshotSink builds the JSON document: Snapshot() of a view is
//     WriteSnapshot into it, so the two cannot differ.
//   CborSnapshotSink appends the bytes json::to_cbor would write for that
//     document (definite lengths, shortest heads), byte for byte.
//
// A sink throws std::logic_error when the calls do not follow the grammar
// above (a count that does not match, a key where a value belongs): a bug in
// the writer, which the snapshot tests find. Pure; a sink is one thread's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace hoering::snapshot {

class SnapshotSink {
 public:
  virtual ~SnapshotSink() = default;
  virtual void BeginObject(std::size_t members) = 0;
  virtual void BeginArray(std::size_t items) = 0;
  virtual void Key(std::string_view key) = 0;
  virtual void Value(const nlohmann::json& value) = 0;
  virtual void End() = 0;
};

// Builds the JSON document. Take() once the outermost End() (or a single
// top-level Value()) has been written.
class JsonSnapshotSink final : public SnapshotSink {
 public:
  void BeginObject(std::size_t members) override;
  void BeginArray(std::size_t items) override;
  void Key(std::string_view key) override;
  void Value(const nlohmann::json& value) override;
  void End() override;
  nlohmann::json Take();

 private:
  void Place(nlohmann::json value);

  struct Open {
    nlohmann::json value;
    std::size_t left;  // members or items still to come
    std::string key;   // the pending key of an object; empty when none
    bool has_key = false;
  };
  std::vector<Open> open_;
  nlohmann::json done_;
  bool has_done_ = false;
};

// The JSON document a view writes (View::WriteSnapshot(SnapshotSink&)).
template <typename View>
nlohmann::json DocumentOf(const View& view) {
  JsonSnapshotSink sink;
  view.WriteSnapshot(sink);
  return sink.Take();
}

// Appends CBOR to `out` (which it does not own; it must outlive the sink).
class CborSnapshotSink final : public SnapshotSink {
 public:
  explicit CborSnapshotSink(std::string& out) : out_(out) {}
  void BeginObject(std::size_t members) override;
  void BeginArray(std::size_t items) override;
  void Key(std::string_view key) override;
  void Value(const nlohmann::json& value) override;
  void End() override;

 private:
  void Head(std::uint8_t major, std::uint64_t n);  // a CBOR item head, shortest form
  void Counted();                                  // one value went into the open container

  struct Open {
    std::size_t left;
    bool object;
    bool has_key = false;
  };
  std::string& out_;
  std::vector<Open> open_;
};

}  // namespace hoering::snapshot
