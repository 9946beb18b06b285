// The checks after an e2e load run against a TestServer: the durability audit
// as hoering-load runs it, and the server's own verification of the hash
// chain (load_e2e_test.cpp, responses_load_e2e_test.cpp).
#pragma once

#include <gtest/gtest.h>

#include "client/lib/ack_audit.h"
#include "client/load/report.h"
#include "domain/sha256.h"
#include "tests/support/test_server.h"

namespace hoering::testing {

// Audits every write report.run acknowledged against the log, keeps the
// audit in report.audit and expects each write confirmed exactly once
// (nothing lost, no duplicates). An unreadable log is a fatal failure: wrap
// the call in ASSERT_NO_FATAL_FAILURE to stop there.
inline void AuditEveryAcknowledgedWrite(client::Api& admin, client::load::LoadReport& report) {
  auto audit = client::AuditAcknowledged(admin, report.run.acks, 1000);
  ASSERT_TRUE(audit.ok()) << client::Describe(audit.error());
  report.audit = *audit;
  EXPECT_EQ(report.lost(), 0u);
  EXPECT_EQ(audit->confirmed, report.run.acks.size());
  EXPECT_EQ(audit->duplicates, 0u);
}

// The server verifies the chain over its whole log, up to the store's head.
inline void ExpectTheChainVerifies(client::Api& admin, TestServer& server) {
  auto verify = admin.Verify();
  ASSERT_TRUE(verify.ok()) << client::Describe(verify.error());
  EXPECT_EQ(verify->body["ok"], true) << verify->body.dump();
  EXPECT_EQ(verify->body["checked"], server.store().Head().position);
  EXPECT_EQ(verify->body["head"]["hash"], ToHex(server.store().Head().hash));
}

}  // namespace hoering::testing
