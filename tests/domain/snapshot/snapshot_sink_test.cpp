// The snapshot sinks (domain/snapshot/snapshot_sink.h): the CBOR sink writes
// what json::to_cbor writes for the same document, at every head size; the
// JSON sink builds that document; both refuse calls out of the grammar.
#include "domain/snapshot/snapshot_sink.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace hoering::snapshot {
namespace {

using nlohmann::json;

// Writes `j` through `sink`, objects and arrays piece by piece down to
// `depth`, whole values below it.
void Write(const json& j, SnapshotSink& sink, int depth) {
  if (depth == 0 || !j.is_structured()) {
    sink.Value(j);
    return;
  }
  if (j.is_object()) {
    sink.BeginObject(j.size());
    for (const auto& [key, value] : j.items()) {
      sink.Key(key);
      Write(value, sink, depth - 1);
    }
  } else {
    sink.BeginArray(j.size());
    for (const auto& item : j) Write(item, sink, depth - 1);
  }
  sink.End();
}

// A document whose containers and keys have lengths on both sides of each
// CBOR head size (23/24, 255/256, 65535/65536).
json Document() {
  json doc = json::object();
  for (std::size_t n : {0, 1, 23, 24, 255, 256, 65535, 65536}) {
    json array = json::array();
    for (std::size_t i = 0; i < n; ++i) array.push_back(i % 3 == 0 ? json(i) : json("x"));
    doc["array-" + std::to_string(n)] = std::move(array);
    json object = json::object();
    for (std::size_t i = 0; i < n; ++i) object["k" + std::to_string(i)] = json::array({i});
    doc["object-" + std::to_string(n)] = std::move(object);
    doc[std::string(n, 'q')] = {{"nested", {{"a", nullptr}, {"b", true}}},
                                {"empty", json::object()}};
  }
  return doc;
}

TEST(SnapshotSinkTest, CborIsWhatToCborWritesAtEveryDepth) {
  const json doc = Document();
  const std::vector<std::uint8_t> cbor = json::to_cbor(doc);
  const std::string expected = "prefix" + std::string(cbor.begin(), cbor.end());
  for (int depth : {0, 1, 2, 3, 4}) {
    std::string out = "prefix";
    CborSnapshotSink sink(out);
    Write(doc, sink, depth);
    EXPECT_TRUE(out == expected) << "depth " << depth;  // not EXPECT_EQ: 1.4 MB each
  }
}

TEST(SnapshotSinkTest, JsonIsTheDocumentAtEveryDepth) {
  const json doc = Document();
  for (int depth : {0, 1, 2, 3, 4}) {
    JsonSnapshotSink sink;
    Write(doc, sink, depth);
    EXPECT_EQ(sink.Take(), doc) << "depth " << depth;
  }
}

TEST(SnapshotSinkTest, CallsOutOfTheGrammarAreRefused) {
  std::string out;
  auto refused = [](SnapshotSink& sink, const std::function<void(SnapshotSink&)>& calls) {
    EXPECT_THROW(calls(sink), std::logic_error);
  };
  for (int kind = 0; kind < 2; ++kind) {
    auto each = [&](const std::function<void(SnapshotSink&)>& calls) {
      JsonSnapshotSink json_sink;
      CborSnapshotSink cbor_sink(out);
      refused(kind == 0 ? static_cast<SnapshotSink&>(json_sink) : cbor_sink, calls);
    };
    each([](SnapshotSink& s) { s.Key("top"); });  // a key outside an object
    each([](SnapshotSink& s) {
      s.BeginObject(1);
      s.Value(1);  // a member without its key
    });
    each([](SnapshotSink& s) {
      s.BeginObject(1);
      s.Key("a");
      s.Key("b");  // two keys in a row
    });
    each([](SnapshotSink& s) {
      s.BeginArray(2);
      s.Value(1);
      s.End();  // one item short
    });
    each([](SnapshotSink& s) {
      s.BeginArray(1);
      s.Value(1);
      s.Value(2);  // one item too many
    });
    each([](SnapshotSink& s) { s.End(); });  // nothing open
  }
  JsonSnapshotSink unfinished;
  unfinished.BeginArray(1);
  EXPECT_THROW(unfinished.Take(), std::logic_error);
}

}  // namespace
}  // namespace hoering::snapshot
