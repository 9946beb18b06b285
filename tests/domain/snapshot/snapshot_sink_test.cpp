// The snapshot sinks (domain/snapshot/snapshot_sink.h): the CBOR sink writes
// what json::to_cbor writes for the same document, at every head size; the
// JSON sink builds that document; both refuse calls out of the grammar.
#include "domain/snapshot/snapshot_sink.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "tests/domain/snapshot/snapshot_document.h"

namespace hoering::snapshot {
namespace {

using nlohmann::json;

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
