// IsProblem: the check that a call through the client (client::Api) was
// answered with an HTTP problem of this status and type, for tests of routes:
//   ASSERT_TRUE(IsProblem(r, 409, "urn:hoering:party-exists"));
// A failure says what came instead (success, or the other status, type and
// detail). For a Result<T> of the domain, use ExpectError (expect_error.h).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "client/lib/expected.h"

namespace hoering::testing {

template <typename T>
::testing::AssertionResult IsProblem(const client::Expected<T>& r, int status,
                                     const std::string& type) {
  if (r.ok())
    return ::testing::AssertionFailure() << "succeeded; expected " << status << " " << type;
  const client::ApiError& e = r.error();
  if (e.status == status && e.type == type) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << e.status << " " << e.type << " (" << e.detail
                                       << "); expected " << status << " " << type;
}

}  // namespace hoering::testing
