// A JSON document for the snapshot sink and source tests
// (domain/snapshot/snapshot_sink.h, snapshot_source.h), and writing it
// through a sink piece by piece down to a depth.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/snapshot/snapshot_sink.h"

namespace hoering::snapshot {

// Writes `j` through `sink`, objects and arrays piece by piece down to
// `depth`, whole values below it.
inline void Write(const nlohmann::json& j, SnapshotSink& sink, int depth) {
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
// CBOR head size (23/24, 255/256, 65535/65536), and numbers on both sides of
// each integer head size (up to 8 bytes) and floats.
inline nlohmann::json Document() {
  nlohmann::json doc = nlohmann::json::object();
  for (std::size_t n : {0, 1, 23, 24, 255, 256, 65535, 65536}) {
    nlohmann::json array = nlohmann::json::array();
    for (std::size_t i = 0; i < n; ++i)
      array.push_back(i % 3 == 0 ? nlohmann::json(i) : nlohmann::json("x"));
    doc["array-" + std::to_string(n)] = std::move(array);
    nlohmann::json object = nlohmann::json::object();
    for (std::size_t i = 0; i < n; ++i)
      object["k" + std::to_string(i)] = nlohmann::json::array({i});
    doc["object-" + std::to_string(n)] = std::move(object);
    doc[std::string(n, 'q')] = {{"nested", {{"a", nullptr}, {"b", true}}},
                                {"empty", nlohmann::json::object()}};
  }
  doc["numbers"] = {0,  23,  24,  255,  256,  65535,  65536,       4294967295u, 4294967296u,
                    -1, -24, -25, -256, -257, -65537, -4294967297, 1.5,         1e300};
  return doc;
}

}  // namespace hoering::snapshot
