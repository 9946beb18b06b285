#include "domain/agreements/change_ops.h"

#include <initializer_list>

#include "domain/enum_names.h"

namespace hoering::agreements {
namespace {

using nlohmann::json;

Status Malformed(std::size_t index, const std::string& why) {
  return InvalidArgument("op " + std::to_string(index + 1) + ": " + why, "malformed-op");
}

// Reads an optional string field. Missing (or null when null_ok) -> nullopt.
Status OptString(const json& j, const char* key, std::optional<std::string>& out, std::size_t index,
                 bool null_ok = false) {
  auto it = j.find(key);
  if (it == j.end() || (null_ok && it->is_null())) return Status::Ok();
  if (!it->is_string()) return Malformed(index, std::string("'") + key + "' must be a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status OnlyKeys(const json& j, std::initializer_list<const char*> keys, std::size_t index,
                const char* where, bool strict) {
  if (!strict) return Status::Ok();
  for (const auto& [k, v] : j.items()) {
    bool known = false;
    for (const char* key : keys) known = known || k == key;
    if (!known) return Malformed(index, "unknown field '" + k + "'" + where);
  }
  return Status::Ok();
}

Status ReadPlace(const json& j, Place& place, std::size_t index) {
  std::optional<std::string> parent;
  if (Status s = OptString(j, "parent", parent, index, true); !s.ok()) return s;
  place.parent = parent.value_or("");
  auto it = j.find("after");
  if (it != j.end() && !it->is_string()) {
    return Malformed(index, "'after' must be a string (\"\" places the section first)");
  }
  if (it != j.end()) place.after = it->get<std::string>();
  return Status::Ok();
}

Status RequireId(const json& j, Op& op, std::size_t index) {
  std::optional<std::string> id;
  if (Status s = OptString(j, "id", id, index); !s.ok()) return s;
  if (!id || id->empty()) {
    return Malformed(index, std::string("'id' is required for ") + std::string(OpName(op.type)));
  }
  op.id = *id;
  return Status::Ok();
}

// The optional "if_body_sha256" precondition: 64 hex digits, kept lowercase.
Status ReadBodyCondition(const json& j, Op& op, std::size_t index) {
  if (Status s = OptString(j, "if_body_sha256", op.if_body_sha256, index); !s.ok()) return s;
  if (!op.if_body_sha256) return Status::Ok();
  std::string& hex = *op.if_body_sha256;
  bool valid = hex.size() == 64;
  for (char& c : hex) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    valid = valid && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
  if (!valid) return Malformed(index, "'if_body_sha256' must be 64 hex digits (a SHA-256)");
  return Status::Ok();
}

constexpr EnumName<OpType> kOpNames[] = {{OpType::kAdd, "add"},
                                         {OpType::kEdit, "edit"},
                                         {OpType::kMove, "move"},
                                         {OpType::kRemove, "remove"}};

}  // namespace

std::string_view OpName(OpType t) {
  return NameIn(kOpNames, t, "add");
}

Result<Op> ParseOp(const json& j, std::size_t index, bool strict) {
  if (!j.is_object()) return Malformed(index, "an op must be a JSON object");
  auto name = j.find("op");
  if (name == j.end() || !name->is_string()) {
    return Malformed(index, "'op' is required: add, edit, move or remove");
  }
  Op op;
  const std::string n = name->get<std::string>();
  if (n == "add") {
    op.type = OpType::kAdd;
    if (Status s = OnlyKeys(j, {"op", "section", "parent", "after"}, index, "", strict); !s.ok())
      return s;
    auto sec = j.find("section");
    if (sec == j.end() || !sec->is_object()) {
      return Malformed(index, "'section' is required for add: {id?, kind, heading, body?}");
    }
    if (Status s =
            OnlyKeys(*sec, {"id", "kind", "heading", "body"}, index, " in 'section'", strict);
        !s.ok()) {
      return s;
    }
    std::optional<std::string> id;
    if (Status s = OptString(*sec, "id", id, index, true); !s.ok()) return s;
    op.id = id.value_or("");
    if (Status s = OptString(*sec, "kind", op.kind, index); !s.ok()) return s;
    if (Status s = OptString(*sec, "heading", op.heading, index); !s.ok()) return s;
    if (Status s = OptString(*sec, "body", op.body, index); !s.ok()) return s;
    if (!op.kind) return Malformed(index, "'section.kind' is required for add");
    if (!op.heading) return Malformed(index, "'section.heading' is required for add");
    if (Status s = ReadPlace(j, op.place, index); !s.ok()) return s;
  } else if (n == "edit") {
    op.type = OpType::kEdit;
    if (Status s = OnlyKeys(j, {"op", "id", "heading", "body", "kind", "if_body_sha256"}, index, "",
                            strict);
        !s.ok()) {
      return s;
    }
    if (Status s = RequireId(j, op, index); !s.ok()) return s;
    if (Status s = ReadBodyCondition(j, op, index); !s.ok()) return s;
    if (Status s = OptString(j, "kind", op.kind, index); !s.ok()) return s;
    if (Status s = OptString(j, "heading", op.heading, index); !s.ok()) return s;
    if (Status s = OptString(j, "body", op.body, index); !s.ok()) return s;
  } else if (n == "move") {
    op.type = OpType::kMove;
    if (Status s =
            OnlyKeys(j, {"op", "id", "parent", "after", "if_body_sha256"}, index, "", strict);
        !s.ok())
      return s;
    if (Status s = RequireId(j, op, index); !s.ok()) return s;
    if (Status s = ReadBodyCondition(j, op, index); !s.ok()) return s;
    if (Status s = ReadPlace(j, op.place, index); !s.ok()) return s;
  } else if (n == "remove") {
    op.type = OpType::kRemove;
    if (Status s = OnlyKeys(j, {"op", "id", "if_body_sha256"}, index, "", strict); !s.ok())
      return s;
    if (Status s = RequireId(j, op, index); !s.ok()) return s;
    if (Status s = ReadBodyCondition(j, op, index); !s.ok()) return s;
  } else {
    return Malformed(index, "unknown op '" + n + "' (add, edit, move or remove)");
  }
  return op;
}

Result<std::vector<Op>> ParseOps(const json& ops, bool strict) {
  if (!ops.is_array()) return InvalidArgument("'ops' must be an array of ops", "malformed-op");
  std::vector<Op> out;
  out.reserve(ops.size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    auto op = ParseOp(ops[i], i, strict);
    if (!op.ok()) return op.status();
    out.push_back(std::move(op).value());
  }
  return out;
}

json OpToJson(const Op& op) {
  json j = {{"op", std::string(OpName(op.type))}};
  auto place = [&] {
    if (!op.place.parent.empty()) j["parent"] = op.place.parent;
    if (op.place.after) j["after"] = *op.place.after;
  };
  if (op.if_body_sha256) j["if_body_sha256"] = *op.if_body_sha256;
  switch (op.type) {
    case OpType::kAdd: {
      json sec = json::object();
      if (!op.id.empty()) sec["id"] = op.id;
      if (op.kind) sec["kind"] = *op.kind;
      if (op.heading) sec["heading"] = *op.heading;
      if (op.body) sec["body"] = *op.body;
      j["section"] = std::move(sec);
      place();
      break;
    }
    case OpType::kEdit:
      j["id"] = op.id;
      if (op.kind) j["kind"] = *op.kind;
      if (op.heading) j["heading"] = *op.heading;
      if (op.body) j["body"] = *op.body;
      break;
    case OpType::kMove:
      j["id"] = op.id;
      place();
      break;
    case OpType::kRemove:
      j["id"] = op.id;
      break;
  }
  return j;
}

json OpsToJson(const std::vector<Op>& ops) {
  json arr = json::array();
  for (const auto& op : ops) arr.push_back(OpToJson(op));
  return arr;
}

std::string OpLabel(const Op& op, std::size_t index) {
  std::string out = "op " + std::to_string(index + 1) + " (" + std::string(OpName(op.type));
  if (!op.id.empty()) out += " " + op.id;
  return out + ")";
}

}  // namespace hoering::agreements
