// What every route handler needs: the log (read-only), the local state
// (web sessions, drafts), the command service
// (the only way to append), the read views, the agreement version texts, the
// commit notifier (for live tails), metrics, the clock and the public URL
// links are built from. Owned by App.
#pragma once

#include <functional>

#include "server/app/change_excerpts.h"
#include "server/app/commit_notifier.h"
#include "server/app/diff_bodies.h"
#include "server/app/read_views.h"
#include "server/app/response_cache.h"
#include "server/app/version_texts.h"
#include "server/commands/command_service.h"
#include "server/http/metrics.h"
#include "storage/event_store.h"

namespace hoering::app {

class PointSearch;  // point_search.h

struct AppContext {
  const EventLog& log;
  // Sessions and drafts of the web pages: beside the log, not in it.
  LocalStateStore& local;
  commands::CommandService& commands;
  ReadViews& views;
  VersionTexts& version_texts;
  // Rendered diff bodies, keyed by both ends' texts (diff_bodies.h).
  DiffBodies& diff_bodies;
  // Word-diff excerpts of change sets for reports, kept (change_excerpts.h).
  ChangeExcerptCache& change_excerpts;
  // Responses folded from the log, kept while their streams do not move.
  ResponseCache& response_cache;
  // The index over every consultation's response points: the inbox's search
  // and the secretariat's counts (point_search.h), following the log tail.
  PointSearch& point_search;
  CommitNotifier& notifier;
  http::MetricsRegistry& metrics;
  std::function<std::int64_t()> clock;  // UTC ms
  // Runs slow work (a full-chain verify) off the I/O threads; the jobs finish
  // before the store closes.
  std::function<void(std::function<void()>)> run_blocking;
  // Where the server is reached from outside (--public-url), without a
  // trailing slash: "https://hoering.example.dk". Links given to people
  // (invitations) start with it.
  std::string public_url;
};

}  // namespace hoering::app
