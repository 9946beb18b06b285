// hoering events list|tail
#include <memory>

#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"

namespace hoering::client {
namespace {

struct ListOptions {
  std::uint64_t from = 1;
  std::uint32_t limit = 100;
};

struct TailOptions {
  std::optional<std::uint64_t> from;
  std::uint64_t count = 0;  // 0: forever
};

// Who recorded event `e`.
std::string EventActor(const nlohmann::json& e) {
  return ActorText(e.value("actor", nlohmann::json::object()));
}

int List(CliContext& ctx, const ListOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  auto page = (*api)->ReadEvents(o.from, o.limit);
  if (!page.ok()) return ctx.Fail(page.error());
  if (ctx.options().json) {
    return ctx.PrintJson({{"items", page->items},
                          {"next", page->next ? nlohmann::json(*page->next) : nlohmann::json()}});
  }
  Table t({"POS", "STREAM", "VER", "TYPE", "RECORDED", "ACTOR", "HASH"});
  t.SetAlign(0, Align::kRight).SetAlign(2, Align::kRight);
  for (const auto& e : page->items) {
    t.AddRow({Text(e, "position"), Text(e, "stream"), Text(e, "stream_version"), Text(e, "type"),
              Text(e, "recorded_at"), EventActor(e), ShortHash(Text(e, "hash"))});
  }
  t.Render(ctx.out());
  if (page->next) ctx.out() << "(more: --from " << *page->next << ")\n";
  return kExitOk;
}

int Tail(CliContext& ctx, const TailOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  std::uint64_t seen = 0;
  auto r = (*api)->TailEvents(o.from, [&](const nlohmann::json& e) {
    if (ctx.options().json) {
      ctx.out() << e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    } else {
      ctx.out() << Text(e, "position") << "  " << Text(e, "recorded_at") << "  "
                << Text(e, "stream") << "  " << Text(e, "type") << "  " << EventActor(e) << '\n';
    }
    ctx.out().flush();
    return o.count == 0 || ++seen < o.count;
  });
  if (!r.ok()) return ctx.Fail(r.error());
  return kExitOk;
}

}  // namespace

void AddEventCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group = AddGroup(app, "events", "Read the event log (auditor, admin)");

  auto [l, list] =
      AddLeafWith<ListOptions>(*group, "list", "One page of the log with hashes", ctx, List);
  l->add_option("--from", list->from, "First position")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  l->add_option("--limit", list->limit, "Events per page")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();

  auto [t, tail] = AddLeafWith<TailOptions>(*group, "tail",
                                            "Follow the log live, one line per event", ctx, Tail);
  t->add_option("--from", tail->from, "First position (default: the server's choice)")
      ->check(CLI::PositiveNumber);
  t->add_option("--count", tail->count, "Stop after this many events (0: never)");
}

}  // namespace hoering::client
