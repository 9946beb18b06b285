// The shape of a `hoering` command that asks the server one thing and prints
// the answer, so the command holds only the call and the printing:
//
//   int Show(CliContext& ctx, const std::string& id) {
//     return Answer(ctx, [&](Api& api) { return api.GetParty(id); },
//                   PrintFields(ctx, {"id", "name", "kind", "registered_at"}));
//   }
//
// (print may be any callable taking the answer, `const ApiResult&` or a
// list's `const std::vector<nlohmann::json>&`, and returning the exit code.)
//
// Call(ctx, call): the Api for --url/--token, then call(api) -> Expected<T>;
// a bad --url is the answer's error, and call is not run.
// Answer(ctx, call, print): Call, then an error is printed and its exit code
// returned (CliContext::Fail); under --json the answer's JSON is printed (the
// body of an ApiResult, the items of a list) and kExitOk returned; otherwise
// print(answer) prints it and returns the exit code.
// PrintFields(ctx, keys): the print of a command that shows the answer's
// fields, `keys` first (Fields), aligned (RenderFields).
// Thread safety: as CliContext (one command's thread).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "client/cli/context.h"
#include "client/cli/format.h"
#include "client/cli/table.h"

namespace hoering::client {

template <typename CallFn>
auto Call(CliContext& ctx, CallFn&& call) -> decltype(call(std::declval<Api&>())) {
  auto api = ctx.api();
  if (!api.ok()) return api.error();
  return call(**api);
}

// What --json prints of an answer.
inline const nlohmann::json& AnswerJson(const ApiResult& r) {
  return r.body;
}
inline nlohmann::json AnswerJson(const std::vector<nlohmann::json>& items) {
  return items;
}

template <typename CallFn, typename PrintFn>
int Answer(CliContext& ctx, CallFn&& call, PrintFn&& print) {
  const auto answer = Call(ctx, std::forward<CallFn>(call));
  if (!answer.ok()) return ctx.Fail(answer.error());
  if (ctx.options().json) return ctx.PrintJson(AnswerJson(*answer));
  return print(*answer);
}

inline auto PrintFields(CliContext& ctx, std::vector<std::string> keys) {
  return [&ctx, keys = std::move(keys)](const ApiResult& r) {
    RenderFields(ctx.out(), Fields(r.body, keys));
    return kExitOk;
  };
}

}  // namespace hoering::client
