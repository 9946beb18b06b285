#include "domain/agreements/change_set_reader.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace hoering::agreements {
namespace {

using nlohmann::json;

// The fields an op object may carry, before the op name says which matter.
struct RawOp {
  std::optional<std::string> op, id, kind, heading, body, parent, after;
  bool has_section = false;
  std::optional<std::string> section_id, section_kind, section_heading, section_body;
};

// Same rules as ParseOp for the shapes recorded events have.
std::optional<Op> ToOp(RawOp& r, std::string& error) {
  Op op;
  auto need_id = [&]() {
    if (!r.id || r.id->empty()) {
      error = "an op has no id";
      return false;
    }
    op.id = std::move(*r.id);
    return true;
  };
  auto place = [&] {
    op.place.parent = r.parent.value_or("");
    op.place.after = std::move(r.after);
  };
  const std::string name = r.op.value_or("");
  if (name == "add") {
    op.type = OpType::kAdd;
    if (!r.has_section || !r.section_kind || !r.section_heading) {
      error = "an add op lacks its section kind or heading";
      return std::nullopt;
    }
    op.id = r.section_id.value_or("");
    op.kind = std::move(r.section_kind);
    op.heading = std::move(r.section_heading);
    op.body = std::move(r.section_body);
    place();
  } else if (name == "edit") {
    op.type = OpType::kEdit;
    if (!need_id()) return std::nullopt;
    op.kind = std::move(r.kind);
    op.heading = std::move(r.heading);
    op.body = std::move(r.body);
  } else if (name == "move") {
    op.type = OpType::kMove;
    if (!need_id()) return std::nullopt;
    place();
  } else if (name == "remove") {
    op.type = OpType::kRemove;
    if (!need_id()) return std::nullopt;
  } else {
    error = "unknown op '" + name + "'";
    return std::nullopt;
  }
  return op;
}

class Sax {
 public:
  using string_t = json::string_t;
  explicit Sax(ChangeSetRecorded& out) : out_(out) {}

  bool null() { return true; }  // null = absent
  bool boolean(bool) { return Scalar(); }
  bool number_integer(json::number_integer_t) { return Scalar(); }
  bool number_unsigned(json::number_unsigned_t) { return Scalar(); }
  bool number_float(json::number_float_t, const string_t&) { return Scalar(); }
  bool binary(json::binary_t&) { return Scalar(); }

  bool string(string_t& v) {
    if (!Scalar()) return false;
    std::optional<std::string>* slot = nullptr;
    switch (Top()) {
      case Ctx::kRoot:
        if (key_ == "agreement") out_.agreement = std::move(v);
        if (key_ == "change") out_.change = std::move(v);
        if (key_ == "rationale") out_.rationale = std::move(v);
        if (key_ == "source") out_.source = std::move(v);
        return true;
      case Ctx::kCite:
        if (key_ == "response") cite_.response = std::move(v);
        if (key_ == "point") cite_.point = std::move(v);
        return true;
      case Ctx::kOp:
        slot = key_ == "op"        ? &op_.op
               : key_ == "id"      ? &op_.id
               : key_ == "kind"    ? &op_.kind
               : key_ == "heading" ? &op_.heading
               : key_ == "body"    ? &op_.body
               : key_ == "parent"  ? &op_.parent
               : key_ == "after"   ? &op_.after
                                   : nullptr;
        break;
      case Ctx::kSection:
        slot = key_ == "id"        ? &op_.section_id
               : key_ == "kind"    ? &op_.section_kind
               : key_ == "heading" ? &op_.section_heading
               : key_ == "body"    ? &op_.section_body
                                   : nullptr;
        break;
      default:
        return true;
    }
    if (slot) *slot = std::move(v);
    return true;
  }

  bool start_object(std::size_t) {
    if (stack_.empty()) return Push(Ctx::kRoot);
    switch (Top()) {
      case Ctx::kCites:
        cite_ = {};
        return Push(Ctx::kCite);
      case Ctx::kOps:
        op_ = {};
        return Push(Ctx::kOp);
      case Ctx::kOp:
        if (key_ == "section") {
          op_.has_section = true;
          return Push(Ctx::kSection);
        }
        return Push(Ctx::kSkip);
      default:
        return Push(Ctx::kSkip);
    }
  }
  bool end_object() {
    Ctx done = Pop();
    if (done == Ctx::kCite) out_.cites.push_back(std::move(cite_));
    if (done == Ctx::kOp) {
      auto op = ToOp(op_, error_);
      if (!op) return false;
      out_.ops.push_back(std::move(*op));
    }
    return true;
  }
  bool start_array(std::size_t) {
    if (stack_.empty()) return Fail("is not an object");
    if (Top() == Ctx::kRoot && key_ == "cites") return Push(Ctx::kCites);
    if (Top() == Ctx::kRoot && key_ == "ops") {
      seen_ops_ = true;
      return Push(Ctx::kOps);
    }
    if (Top() == Ctx::kOps) return Fail("has an op that is not an object");
    return Push(Ctx::kSkip);
  }
  bool end_array() {
    Pop();
    return true;
  }
  bool key(string_t& k) {
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    return Fail(std::string("is not JSON: ") + e.what());
  }

  bool seen_ops() const { return seen_ops_; }
  const std::string& error() const { return error_; }

 private:
  enum class Ctx { kRoot, kCites, kCite, kOps, kOp, kSection, kSkip };
  Ctx Top() const { return stack_.back(); }
  bool Push(Ctx c) {
    stack_.push_back(c);
    return true;
  }
  Ctx Pop() {
    Ctx c = stack_.back();
    stack_.pop_back();
    return c;
  }
  bool Scalar() {
    if (stack_.empty()) return Fail("is not an object");
    if (Top() == Ctx::kOps) return Fail("has an op that is not an object");
    return true;
  }
  bool Fail(std::string why) {
    error_ = std::move(why);
    return false;
  }

  ChangeSetRecorded& out_;
  std::vector<Ctx> stack_;
  std::string key_;
  Cite cite_;
  RawOp op_;
  bool seen_ops_ = false;
  std::string error_;
};

}  // namespace

Result<ChangeSetRecorded> ReadChangeSetRecorded(std::string_view data) {
  ChangeSetRecorded out;
  out.source.clear();
  Sax sax(out);
  bool ok = json::sax_parse(data.begin(), data.end(), &sax);
  auto corrupt = [](const std::string& why) {
    return Status(Code::kCorruption, std::string(kChangeSetRecorded) + " data " + why,
                  "corruption");
  };
  if (!ok) return corrupt(sax.error().empty() ? "is not JSON" : sax.error());
  if (!sax.seen_ops()) return corrupt("has no ops");
  if (out.source.empty()) out.source = "api";
  return out;
}

}  // namespace hoering::agreements
