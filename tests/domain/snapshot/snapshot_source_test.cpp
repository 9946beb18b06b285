// The snapshot sources (domain/snapshot/snapshot_source.h): both read back
// what the sinks write, at every CBOR head size and every depth; the CBOR
// source refuses malformed bytes (truncated, wrong head types, indefinite
// lengths, counts that do not match, lying lengths, keys out of order, too
// deep, trailing bytes) with std::invalid_argument, and a view restored
// through it is then kCorruption; both refuse calls out of the grammar.
#include "domain/snapshot/snapshot_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>

#include "domain/agreements/agreements_view.h"
#include "domain/consultations/consultations_view.h"
#include "domain/decisions/decisions_view.h"
#include "tests/domain/snapshot/snapshot_document.h"

namespace hoering::snapshot {
namespace {

using nlohmann::json;

std::string Cbor(const json& j) {
  const std::vector<std::uint8_t> bytes = json::to_cbor(j);
  return {bytes.begin(), bytes.end()};
}

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// Reads a value of `shape`'s kinds (its values come from `in`), objects and
// arrays piece by piece down to `depth`, whole values below it.
json ReadLike(const json& shape, SnapshotSource& in, int depth) {
  if (depth == 0 || !shape.is_structured()) return in.Value();
  json out;
  if (shape.is_object()) {
    out = json::object();
    EXPECT_EQ(in.ObjectSize(), shape.size());
    for (const auto& [key, value] : shape.items()) {
      EXPECT_EQ(in.Key(), key);
      out[key] = ReadLike(value, in, depth - 1);
    }
  } else {
    out = json::array();
    EXPECT_EQ(in.ArraySize(), shape.size());
    for (const auto& item : shape) out.push_back(ReadLike(item, in, depth - 1));
  }
  in.End();
  return out;
}

TEST(SnapshotSourceTest, BothReadTheDocumentAtEveryDepth) {
  const json doc = Document();
  const std::string cbor = Cbor(doc);
  for (int depth : {0, 1, 3}) {
    CborSnapshotSource from_cbor(cbor);
    EXPECT_TRUE(ReadLike(doc, from_cbor, depth) == doc) << "depth " << depth;
    EXPECT_NO_THROW(from_cbor.Finish());
    JsonSnapshotSource from_json(doc);
    EXPECT_TRUE(ReadLike(doc, from_json, depth) == doc) << "depth " << depth;
    EXPECT_NO_THROW(from_json.Finish());
  }
}

TEST(SnapshotSourceTest, ReadsWhatTheCborSinkWrites) {
  const json doc = Document();
  for (int depth : {2}) {
    std::string out;
    CborSnapshotSink sink(out);
    Write(doc, sink, depth);
    CborSnapshotSource in(out);
    EXPECT_TRUE(ReadLike(doc, in, 4 - depth) == doc) << "depth " << depth;
    EXPECT_NO_THROW(in.Finish());
  }
}

TEST(SnapshotSourceTest, HalfFloatsAndOtherSimpleValuesAreWholeValues) {
  // {"a": [1.0 (half), false, null, 2.5 (double)]}
  const std::string bytes = Bytes({0xA1, 0x61, 'a', 0x84, 0xF9, 0x3C, 0x00, 0xF4, 0xF6, 0xFB, 0x40,
                                   0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
  CborSnapshotSource in(bytes);
  EXPECT_EQ(in.ObjectSize(), 1u);
  EXPECT_EQ(in.Key(), "a");
  EXPECT_EQ(in.Value(), json::parse("[1.0, false, null, 2.5]"));
  in.End();
  EXPECT_NO_THROW(in.Finish());
}

// `read` on a CBOR source over `bytes` throws std::invalid_argument.
void ExpectRefused(const std::string& bytes, const std::function<void(SnapshotSource&)>& read,
                   const std::string& what) {
  CborSnapshotSource in(bytes);
  EXPECT_THROW(read(in), std::invalid_argument) << what;
}

// Reads {"a": <value>} and finishes.
void ReadOneMember(SnapshotSource& in) {
  in.ObjectOfSize(1);
  in.ExpectKey("a");
  in.Value();
  in.End();
  in.Finish();
}

// Value() builds what json::from_cbor builds from the same bytes: integers
// of every head size and sign, strings, byte strings, floats of each width
// (half precision: normal, subnormal, infinite), true/false/null, nesting.
TEST(SnapshotSourceTest, ValuesAreTheDocumentsFromCborBuilds) {
  json doc = Document();
  doc["numbers"] = {0,
                    23,
                    24,
                    255,
                    256,
                    65535,
                    65536,
                    4294967295ull,
                    4294967296ull,
                    18446744073709551615ull,
                    -1,
                    -24,
                    -25,
                    -256,
                    -257,
                    -4294967297ll,
                    std::numeric_limits<std::int64_t>::min()};
  doc["floats"] = {0.5, -2.25, 1e300, 3.4028234663852886e38};
  doc["bytes"] = json::binary({1, 2, 3});
  doc["flags"] = {true, false, nullptr};
  doc["text"] = "grønt lys, \u00e6\u00f8\u00e5 \u2014 ok";
  const std::string cbor = Cbor(doc);
  CborSnapshotSource in(cbor);
  EXPECT_EQ(in.Value(), json::from_cbor(cbor));
  EXPECT_NO_THROW(in.Finish());
  // Half and single precision, which to_cbor does not write for these.
  const std::string halves = Bytes({0x85, 0xF9, 0x00, 0x01, 0xF9, 0x7C, 0x00, 0xF9, 0xFC, 0x00,
                                    0xF9, 0xC4, 0x00, 0xFA, 0x47, 0xC3, 0x50, 0x00});
  CborSnapshotSource half_in(halves);
  const json& got = half_in.Value();
  EXPECT_EQ(got, json::from_cbor(halves));
  EXPECT_EQ(got[0].get<double>(), std::ldexp(1.0, -24));
  EXPECT_EQ(got[1].get<double>(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(got[3].get<double>(), -4.0);
  EXPECT_EQ(got[4].get<double>(), 100000.0);
}

TEST(SnapshotSourceTest, ValuesJsonCannotHoldAreRefused) {
  const int a = 'a';
  const int b = 'b';
  auto refused = [&](std::initializer_list<int> bytes, const std::string& what) {
    ExpectRefused(Bytes(bytes), ReadOneMember, what);
  };
  refused({0xA1, 0x61, a, 0xA2, 0x61, b, 0x01, 0x61, b, 0x02}, "a key twice inside a value");
  refused({0xA1, 0x61, a, 0x3B, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00},
          "a negative integer below -2^63");
  refused({0xA1, 0x61, a, 0xF7}, "undefined");
  refused({0xA1, 0x61, a, 0xF8, 0x20}, "a simple value of one byte");
  refused({0xA1, 0x61, a, 0xA1, 0x01, 0x01}, "a key inside a value that is no text string");
  refused({0xA1, 0x61, a, 0x81, 0xC2, 0x41, 0x01}, "a tag inside a value");
}

TEST(SnapshotSourceTest, MalformedCborIsRefused) {
  const int a = 'a';
  const int b = 'b';
  auto refused = [&](std::initializer_list<int> bytes, const std::string& what) {
    ExpectRefused(Bytes(bytes), ReadOneMember, what);
  };
  ASSERT_NO_THROW({
    CborSnapshotSource in(Bytes({0xA1, 0x61, a, 0x01}));
    ReadOneMember(in);
  });
  refused({}, "nothing");
  refused({0xA1, 0x61}, "truncated key");
  refused({0xA1, 0x61, a}, "no value");
  refused({0xA1, 0x61, a, 0x19, 0x01}, "truncated integer head");
  refused({0xA1, 0x61, a, 0x82, 0x01}, "truncated array value");
  refused({0x81, 0x01}, "an array where an object belongs");
  refused({0xA1, 0x01, 0x01}, "a key that is no text string");
  refused({0xA1, 0x41, a, 0x01}, "a byte string key");
  refused({0xBF, 0x61, a, 0x01, 0xFF}, "an indefinite object");
  refused({0xA1, 0x7F, 0x61, a, 0xFF, 0x01}, "an indefinite key");
  refused({0xA1, 0x61, a, 0x9F, 0x01, 0xFF}, "an indefinite array in a value");
  refused({0xA1, 0x61, a, 0x7F, 0x61, a, 0xFF}, "an indefinite string in a value");
  refused({0xA1, 0x61, a, 0xFF}, "a break where a value belongs");
  refused({0xA1, 0x61, a, 0x1C}, "a reserved head");
  refused({0xA1, 0x61, a, 0xC1, 0x01}, "a tag");
  refused({0xA2, 0x61, a, 0x01}, "two members announced, one there");
  refused({0xA1, 0x61, a, 0x01, 0x61, b, 0x01}, "one member announced, two there");
  refused({0xA1, 0x61, a, 0x01, 0x00}, "a trailing byte");
  refused({0xA1, 0x61, a, 0x01, 0xA1, 0x61, a, 0x01}, "a second top-level value");
  refused({0xA1, 0x61, b, 0x01}, "another key");
  // Lying lengths: refused before anything is sized by them.
  refused({0xBB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, "2^64-1 members");
  refused({0xBA, 0xFF, 0xFF, 0xFF, 0xFF, 0x61, a, 0x01}, "2^32-1 members");
  refused({0xA1, 0x7B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, a}, "a 2^64-1 byte key");
  refused({0xA1, 0x61, a, 0x7B, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
          "a 2^63 byte string value");
  refused({0xA1, 0x61, a, 0x9B, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01},
          "an array of 2^64-1 items in a value");
  refused({0xA1, 0x61, a, 0xBB, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
          "an object of 2^63 members in a value");
  // Keys out of order, or twice.
  auto two_members = [](SnapshotSource& in) {
    for (std::size_t n = in.ObjectSize(); n > 0; --n) {
      in.Key();
      in.Value();
    }
  };
  ExpectRefused(Bytes({0xA2, 0x61, b, 0x01, 0x61, a, 0x01}), two_members, "b before a");
  ExpectRefused(Bytes({0xA2, 0x61, a, 0x01, 0x61, a, 0x01}), two_members, "a twice");
  ExpectRefused(Bytes({0xA2, 0x60, 0x01, 0x60, 0x01}), two_members, "the empty key twice");
}

TEST(SnapshotSourceTest, DeepNestingIsRefusedWithoutRecursingIntoIt) {
  std::string deep = Bytes({0xA1, 0x61, 'a'});
  deep.append(100000, static_cast<char>(0x81));  // [[[[...
  deep.push_back(0x01);
  ExpectRefused(deep, ReadOneMember, "a value 100,000 arrays deep");
  std::string nested;
  nested.append(kMaxSnapshotDepth + 1, static_cast<char>(0x81));
  nested.push_back(0x01);
  ExpectRefused(
      nested,
      [](SnapshotSource& in) {
        while (true) in.ArraySize();
      },
      "containers opened one in another");
  std::string shallow = Bytes({0xA1, 0x61, 'a'});
  shallow.append(100, static_cast<char>(0x81));
  shallow.push_back(0x01);
  CborSnapshotSource in(shallow);
  EXPECT_NO_THROW(ReadOneMember(in));
}

// Calls `script` on `in`, one call a letter: o ObjectSize, a ArraySize,
// k Key, v Value, e End, f Finish.
void RunScript(std::string_view script, SnapshotSource& in) {
  for (char c : script) {
    switch (c) {
      case 'o':
        in.ObjectSize();
        break;
      case 'a':
        in.ArraySize();
        break;
      case 'k':
        in.Key();
        break;
      case 'v':
        in.Value();
        break;
      case 'e':
        in.End();
        break;
      case 'f':
        in.Finish();
        break;
      default:
        FAIL() << "no call '" << c << "'";
    }
  }
}

TEST(SnapshotSourceTest, CallsOutOfTheGrammarAreRefused) {
  const json doc = {{"a", json::array({1, 2})}, {"b", 3}};
  const std::string cbor = Cbor(doc);
  auto each = [&](const std::function<void(SnapshotSource&)>& calls, const std::string& what) {
    JsonSnapshotSource from_json(doc);
    EXPECT_THROW(calls(from_json), std::invalid_argument) << "json: " << what;
    CborSnapshotSource from_cbor(cbor);
    EXPECT_THROW(calls(from_cbor), std::invalid_argument) << "cbor: " << what;
  };
  const std::pair<const char*, const char*> scripts[] = {{"a", "an array where an object is"},
                                                         {"k", "a key outside an object"},
                                                         {"ov", "a member without its key"},
                                                         {"okk", "two keys in a row"},
                                                         {"okak", "a key in an array"},
                                                         {"okave", "End() before the last item"},
                                                         {"okavvv", "one item too many"},
                                                         {"okvkvk", "one member too many"},
                                                         {"e", "nothing open"},
                                                         {"f", "nothing read"},
                                                         {"of", "Finish() with an object open"}};
  for (const auto& [script, what] : scripts) {
    each([script = script](SnapshotSource& in) { RunScript(script, in); }, what);
  }
  // The whole document read right, for contrast.
  JsonSnapshotSource right_json(doc);
  EXPECT_NO_THROW(RunScript("okavvekvef", right_json));
  CborSnapshotSource right_cbor(cbor);
  EXPECT_NO_THROW(RunScript("okavvekvef", right_cbor));
  each([](SnapshotSource& in) { in.ObjectOfSize(3); }, "another member count");
  each(
      [](SnapshotSource& in) {
        in.ObjectSize();
        in.ExpectKey("b");
      },
      "another key");
}

// Small but complete snapshots of the views that read entry by entry.
json AgreementsDoc() {
  const json broken = {{"code", 12}, {"detail", "bad"}, {"type", "t"}};
  return {{"a1", {{"broken", broken}}}, {"a2", {{"state", nullptr}}}};
}
json ConsultationsDoc() {
  return json::parse(R"({"citations": [{"citations": [{"agreement": "a", "change": "c",
      "position": 3}], "point": 1, "response": "r"}], "consultations": {"c1": {"broken":
      {"code": 12, "detail": "bad", "type": "t"}, "state": null}}})");
}
json DecisionsDoc() {
  return json::parse(R"({"by_agreement": {"a1": ["d1", "d2"]}, "decisions": {"d1": {"broken":
      {"code": 12, "detail": "bad", "type": "t"}, "state": null}, "d2": {"broken": null,
      "state": null}}, "obligations": {"a1": {}}})");
}

template <typename View>
Result<View> FromCbor(const std::string& bytes) {
  CborSnapshotSource in(bytes);
  return ReadWhole<View>(in, "view");
}

// `doc` restores through both sources to exactly `doc` again, and every
// damage to its CBOR is kCorruption, never a throw.
template <typename View>
void ExpectBothSourcesAndCorruption(const json& doc) {
  const std::string cbor = Cbor(doc);
  auto from_cbor = FromCbor<View>(cbor);
  ASSERT_TRUE(from_cbor.ok()) << from_cbor.status().detail();
  EXPECT_EQ(from_cbor->Snapshot().dump(), doc.dump());
  auto from_json = View::FromSnapshot(doc);
  ASSERT_TRUE(from_json.ok()) << from_json.status().detail();
  EXPECT_EQ(from_json->Snapshot().dump(), doc.dump());

  auto corrupt = [](const std::string& bytes, const std::string& what) {
    Result<View> r = View{};
    EXPECT_NO_THROW(r = FromCbor<View>(bytes)) << what;
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.status().code(), Code::kCorruption) << what;
  };
  for (std::size_t n = 0; n < cbor.size(); ++n) {
    corrupt(cbor.substr(0, n), "the first " + std::to_string(n) + " bytes");
  }
  corrupt(cbor + '\0', "a trailing byte");
  corrupt(cbor + cbor, "twice");
  const auto head = static_cast<unsigned char>(cbor[0]);
  ASSERT_EQ(head >> 5, 5);  // a map of fewer than 24 members
  corrupt(static_cast<char>(head + 1) + cbor.substr(1), "one member more announced");
  corrupt(static_cast<char>(head - 1) + cbor.substr(1), "one member less announced");
  corrupt(static_cast<char>(head - 0x20) + cbor.substr(1), "an array head");
  corrupt('\xBF' + cbor.substr(1) + '\xFF', "an indefinite length");
  corrupt(Bytes({0xBB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}) + cbor.substr(1),
          "a lying count");
}

TEST(SnapshotSourceTest, AgreementsRestoreThroughBothSourcesAndRefuseDamage) {
  ExpectBothSourcesAndCorruption<agreements::AgreementsView>(AgreementsDoc());
}

TEST(SnapshotSourceTest, ConsultationsRestoreThroughBothSourcesAndRefuseDamage) {
  ExpectBothSourcesAndCorruption<consultations::ConsultationsView>(ConsultationsDoc());
}

TEST(SnapshotSourceTest, DecisionsRestoreThroughBothSourcesAndRefuseDamage) {
  ExpectBothSourcesAndCorruption<decisions::DecisionsView>(DecisionsDoc());
}

}  // namespace
}  // namespace hoering::snapshot
