// Errors as values (leveldb's Status, Abseil's canonical codes).
//
// Code inside domain/ and storage/ reports expected failures (bad input, a
// version conflict, a missing stream) as a Status or Result<T>; exceptions are
// for the truly exceptional (out of memory, a corrupted database). The server
// translates a Status into an RFC 9457 problem in exactly one place
// (server/http/problem.h).
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace hoering {

enum class Code {
  kOk = 0,
  kInvalidArgument,       // malformed input: 400
  kUnprocessable,         // well-formed but violates a rule: 422
  kNotFound,              // 404
  kAlreadyExists,         // 409
  kConflict,              // state forbids it (closed, nothing changed): 409
  kWrongExpectedVersion,  // optimistic concurrency failed: 409, or 412 with If-Match
  kPreconditionFailed,    // If-Match mismatch: 412
  kUnauthenticated,       // 401
  kPermissionDenied,      // 403
  kPayloadTooLarge,       // 413
  kUnavailable,           // shutting down, store closed: 503
  kCorruption,            // stored bytes fail verification
  kInternal,              // a bug; never caused by input
};

// One of several validation errors of one request, so that a form can show
// all of them at their fields at once: where (a JSON pointer into the request
// body, "/points/1/quote"), what (a stable type, "quote-not-found"), and the
// values a message may show ({"max", "200"}). The API lists them as the
// problem's `errors` extension (docs/api.md "Validation errors").
struct FieldProblem {
  std::string pointer;
  std::string type;
  std::vector<std::pair<std::string, std::string>> params = {};
};

// An outcome: ok, or a code, a detail for people and a stable, URI-like
// problem type ("version-conflict"; optional, when empty the server derives
// one from the code).
class Status {
 public:
  Status() = default;
  Status(Code code, std::string detail, std::string type = {})
      : code_(code), detail_(std::move(detail)), type_(std::move(type)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& detail() const { return detail_; }
  // Short stable problem type without the "urn:hoering:" prefix; may be empty.
  const std::string& type() const { return type_; }
  // Every validation error when there are several (may be empty; the code,
  // detail and type then describe the first).
  const std::vector<FieldProblem>& errors() const { return errors_; }
  Status WithErrors(std::vector<FieldProblem> errors) && {
    errors_ = std::move(errors);
    return std::move(*this);
  }

 private:
  Code code_ = Code::kOk;
  std::string detail_;
  std::string type_;
  std::vector<FieldProblem> errors_;
};

inline Status InvalidArgument(std::string detail, std::string type = "invalid-request") {
  return {Code::kInvalidArgument, std::move(detail), std::move(type)};
}
inline Status Unprocessable(std::string detail, std::string type = "unprocessable") {
  return {Code::kUnprocessable, std::move(detail), std::move(type)};
}
inline Status NotFound(std::string detail, std::string type = "not-found") {
  return {Code::kNotFound, std::move(detail), std::move(type)};
}
inline Status AlreadyExists(std::string detail, std::string type = "already-exists") {
  return {Code::kAlreadyExists, std::move(detail), std::move(type)};
}
inline Status Conflict(std::string detail, std::string type = "conflict") {
  return {Code::kConflict, std::move(detail), std::move(type)};
}

// Either a value or a non-ok Status.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: implicit by design
  // From anything implicitly convertible to T, e.g. a std::variant T from one
  // of its alternatives (one conversion, where Result(T) would need two).
  // Explicit constructors of T stay explicit.
  template <typename U>
  requires(!std::is_same_v<std::remove_cvref_t<U>, T> &&
           !std::is_same_v<std::remove_cvref_t<U>, Status> && std::is_convertible_v<U&&, T>)
      Result(U&& value)
      : v_(std::in_place_type<T>, std::forward<U>(value)) {}  // NOLINT: implicit

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hoering
