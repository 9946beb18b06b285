#include "client/load/receipt.h"

#include <simdjson.h>

#include "domain/decimal.h"

namespace hoering::client::load {
namespace {

namespace od = simdjson::ondemand;

std::optional<std::string> StringOf(od::value v) {
  std::string_view s;
  if (v.get_string().get(s)) return std::nullopt;
  return std::string(s);
}

std::optional<std::uint64_t> PositionOf(od::value v) {
  od::json_type type;
  if (v.type().get(type)) return std::nullopt;
  if (type == od::json_type::string) {
    std::string_view s;
    if (v.get_string().get(s)) return std::nullopt;
    return ParseDecimal<std::uint64_t>(s);
  }
  std::uint64_t n;
  if (type != od::json_type::number || v.get_uint64().get(n)) return std::nullopt;
  return n;
}

// Reads every field of `object` into `r`; false on a malformed document.
bool ReadFields(od::object object, Receipt& r) {
  for (auto field : object) {
    std::string_view key;
    od::value v;
    if (field.unescaped_key().get(key) || field.value().get(v)) return false;
    if (key == "response") {
      r.response = StringOf(v);
    } else if (key == "revision") {
      double d;
      r.revision_is_one = !v.get_double().get(d) && d == 1.0;
    } else if (key == "submitted_at") {
      od::json_type type;
      r.submitted_at = !v.type().get(type) && type == od::json_type::string;
    } else if (key == "position") {
      r.position = PositionOf(v);
    } else if (key == "hash") {
      r.hash = StringOf(v);
    } else if (key == "late") {
      bool b;
      r.late = v.get_bool().get(b) ? std::nullopt : std::optional<bool>(b);
    }
  }
  return true;
}

}  // namespace

Receipt ParseReceipt(std::string_view body) {
  thread_local od::parser parser;
  const simdjson::padded_string padded(body);
  od::document doc;
  od::object object;
  Receipt r;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(object)) return Receipt{};
  if (!ReadFields(object, r)) return Receipt{};
  r.object = true;
  return r;
}

std::string ReceiptProblem(const Receipt& r) {
  if (!r.object) return "the receipt is not a JSON object";
  if (!r.response || r.response->empty()) return "the receipt has no response id";
  if (!r.revision_is_one) return "the receipt's revision is not 1";
  if (!r.submitted_at) return "the receipt has no submitted_at";
  if (!r.position) return "the receipt has no position";
  if (!r.hash || r.hash->empty()) return "the receipt has no hash";
  if (!r.late) return "the receipt has no late flag";
  if (*r.late) return "the receipt says late although the consultation is open";
  return {};
}

}  // namespace hoering::client::load
