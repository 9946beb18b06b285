#include "server/http/json_body.h"

#include <boost/beast/core/string.hpp>

namespace hoering::http {
namespace {

using nlohmann::json;

Status FieldError(std::string_view key, std::string_view what) {
  return InvalidArgument("field '" + std::string(key) + "' " + std::string(what), "invalid-field");
}

// nullptr if absent or null.
const json* Find(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

// Follows a SAX parse to know the JSON pointer of the value being read when
// the parser gives up.
class ErrorLocator final : public json::json_sax_t {
 public:
  bool null() override { return Value(); }
  bool boolean(bool) override { return Value(); }
  bool number_integer(number_integer_t) override { return Value(); }
  bool number_unsigned(number_unsigned_t) override { return Value(); }
  bool number_float(number_float_t, const string_t&) override { return Value(); }
  bool string(string_t&) override { return Value(); }
  bool binary(binary_t&) override { return Value(); }
  bool start_object(std::size_t) override { return Open(false); }
  bool key(string_t& k) override {
    frames_.back().key = k;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t position, const std::string& token,
                   const json::exception& error) override {
    failed_ = true;
    position_ = position;
    token_ = token;
    error_id_ = error.id;
    return false;
  }

  bool failed() const { return failed_; }
  bool too_deep() const { return too_deep_; }
  std::size_t position() const { return position_; }
  const std::string& token() const { return token_; }
  int error_id() const { return error_id_; }

  // RFC 6901 pointer of the value being read ("" for the whole document).
  std::string Pointer() const {
    std::string out;
    for (const auto& f : frames_) {
      out += '/';
      if (f.array) {
        out += std::to_string(f.index);
        continue;
      }
      for (char c : f.key) {
        if (c == '~') {
          out += "~0";
        } else if (c == '/') {
          out += "~1";
        } else {
          out += c;
        }
      }
    }
    return out;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t index = 0;
    std::string key;
  };
  bool Value() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    return true;
  }
  bool Open(bool array) {
    if (frames_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      too_deep_ = true;
      return false;
    }
    frames_.push_back({array, 0, {}});
    return true;
  }
  bool Close() {
    frames_.pop_back();
    return Value();
  }

  std::vector<Frame> frames_;
  bool failed_ = false;
  bool too_deep_ = false;
  std::size_t position_ = 0;
  std::string token_;
  int error_id_ = 0;
};

// nlohmann's out_of_range.406: a number that does not fit a double (1e999).
constexpr int kNumberOverflow = 406;

}  // namespace

Status DescribeJsonError(std::string_view body) {
  ErrorLocator locator;
  json::sax_parse(body, &locator, json::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/false);
  if (locator.too_deep()) {
    return InvalidArgument("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                           "too-deep");
  }
  const std::string pointer = locator.Pointer();
  const std::string where = pointer.empty() ? "the document" : "'" + pointer + "'";
  if (locator.failed() && locator.error_id() == kNumberOverflow) {
    return InvalidArgument("the number " + locator.token().substr(0, 64) + " at " + where +
                               " is out of range (byte offset " +
                               std::to_string(locator.position()) + ")",
                           "number-out-of-range");
  }
  return InvalidArgument(
      "malformed JSON at byte offset " + std::to_string(locator.position()) + " (in " + where + ")",
      "malformed-json");
}

std::optional<std::size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // overlong
      if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // overlong
      if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return std::nullopt;
}

bool IsJsonContentType(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  return boost::beast::iequals(media, "application/json");
}

Result<json> ParseJsonBody(const Request& req) {
  const std::string& body = req.body();
  if (body.empty()) return InvalidArgument("empty body: a JSON object is required", "empty-body");
  auto ct = req.find(beast_http::field::content_type);
  if (ct == req.end() || !IsJsonContentType(ct->value())) {
    return InvalidArgument("Content-Type must be application/json", "unsupported-media-type");
  }
  if (auto bad = FindInvalidUtf8(body)) {
    return InvalidArgument("body is not valid UTF-8 at byte offset " + std::to_string(*bad),
                           "invalid-utf8");
  }
  bool too_deep = false;
  json::parser_callback_t limit_depth = [&too_deep](int depth, json::parse_event_t event, json&) {
    if (depth > kMaxJsonDepth) {
      too_deep = true;
      return false;  // discard; reported below
    }
    return true;
  };
  json value;
  try {
    value = json::parse(body, limit_depth, /*allow_exceptions=*/true, /*ignore_comments=*/false);
  } catch (const json::exception&) {
    // The error path only: a second, diagnosing pass finds where it failed.
    return DescribeJsonError(body);
  }
  if (too_deep) {
    return InvalidArgument("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                           "too-deep");
  }
  if (!value.is_object()) {
    return InvalidArgument("the body must be a JSON object", "not-an-object");
  }
  return value;
}

Result<json> ParseOptionalJsonBody(const Request& req) {
  if (req.body().empty()) return json(nullptr);
  return ParseJsonBody(req);
}

Result<std::string> RequireString(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr || !v->is_string()) return FieldError(key, "is required and must be a string");
  return v->get<std::string>();
}

Result<std::optional<std::string>> OptionalString(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr) return std::optional<std::string>{};
  if (!v->is_string()) return FieldError(key, "must be a string");
  return std::optional<std::string>{v->get<std::string>()};
}

Result<bool> RequireBool(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr || !v->is_boolean()) return FieldError(key, "is required and must be a boolean");
  return v->get<bool>();
}

Result<std::optional<bool>> OptionalBool(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr) return std::optional<bool>{};
  if (!v->is_boolean()) return FieldError(key, "must be a boolean");
  return std::optional<bool>{v->get<bool>()};
}

Result<std::optional<std::uint64_t>> OptionalUint(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr) return std::optional<std::uint64_t>{};
  if (v->is_number_unsigned()) return std::optional<std::uint64_t>{v->get<std::uint64_t>()};
  if (v->is_number_integer() && v->get<std::int64_t>() >= 0) {
    return std::optional<std::uint64_t>{static_cast<std::uint64_t>(v->get<std::int64_t>())};
  }
  return FieldError(key, "must be a non-negative integer");
}

Result<std::vector<std::string>> RequireArrayOfStrings(const json& object, std::string_view key) {
  const json* v = Find(object, key);
  if (v == nullptr || !v->is_array()) {
    return FieldError(key, "is required and must be an array of strings");
  }
  std::vector<std::string> out;
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) {
    const json& e = (*v)[i];
    if (!e.is_string()) {
      return FieldError(
          key, "must be an array of strings (element " + std::to_string(i) + " is not a string)");
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

}  // namespace hoering::http
