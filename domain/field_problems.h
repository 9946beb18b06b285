// Collecting every validation error of one request instead of stopping at
// the first (status.h FieldProblem), so that the API's `errors` list and a
// form's error summary show them all at once. Pure.
//
//   FieldProblems problems;
//   problems.Add(ReqString(body, "party", party), "/party");
//   ...
//   if (Status s = std::move(problems).ToStatus(); !s.ok()) return s;
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/status.h"

namespace hoering {

class FieldProblems {
 public:
  // Records a failed `status` at `pointer` with `type` (the status's own type
  // when empty) and `params`; an ok status records nothing. Returns
  // status.ok().
  bool Add(const Status& status, std::string pointer, std::string type = {},
           std::vector<std::pair<std::string, std::string>> params = {});
  // A failed ValidateText (ids.h) of `text` at `pointer`: "required" when it
  // is empty or blank, else "invalid-text" with params {max}.
  bool AddText(const Status& status, std::string_view text, std::string pointer,
               std::size_t max_len);
  bool empty() const { return problems_.empty(); }
  // Ok when nothing was recorded; else the first failed status (its code,
  // type and detail, plus how many more there are) carrying every problem.
  Status ToStatus() &&;

 private:
  std::vector<FieldProblem> problems_;
  Status first_;
};

}  // namespace hoering
