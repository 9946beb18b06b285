// A test of the consultation report over a World (domain_fixture.h): the
// ReportInput `in` and the consultation and agreement states it points to,
// held for the test's life. A fixture builds its history in `w`, then calls
// FillInput; what else the report needs (party facts, citations, time,
// reader) it sets on `in` itself.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>

#include "domain/consultations/report.h"
#include "tests/domain/consultations/domain_fixture.h"

namespace hoering::consultations::dtest {

class ReportInputTest : public ::testing::Test {
 protected:
  // Points `in` at consultation h-1 and the agreement as `w` holds them now,
  // with version 1 as the consulted text, and adds the responses `ids` as
  // they stand, in that order.
  void FillInput(std::initializer_list<const char*> ids) {
    consultation_ = w.Consultation();
    agreement_ = w.Agreement();
    in.consultation = &consultation_;
    in.agreement = &agreement_;
    in.consulted_text = agreement_.FindVersion(1)->text.get();
    for (const char* id : ids) {
      in.responses.push_back(std::make_shared<const ResponseState>(w.Response(id)));
    }
  }

  World w;
  ConsultationState consultation_;
  agreements::AgreementState agreement_;
  ReportInput in;
};

}  // namespace hoering::consultations::dtest
