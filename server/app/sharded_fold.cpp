#include "server/app/sharded_fold.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace hoering::app {
namespace {

constexpr std::size_t kPage = 4096;
constexpr std::size_t kShards = 2;       // this thread folds shard 0, the helper shard 1
constexpr std::size_t kQueuedPages = 8;  // bounds the memory between the threads

// Pages of shard-1 events from the reading thread to the folding one; an
// empty page ends the stream.
class PageQueue {
 public:
  void Push(std::vector<RecordedEvent> page) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return pages_.size() < kQueuedPages; });
    pages_.push_back(std::move(page));
    not_empty_.notify_one();
  }
  std::vector<RecordedEvent> Pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !pages_.empty(); });
    auto page = std::move(pages_.front());
    pages_.pop_front();
    not_full_.notify_one();
    return page;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<std::vector<RecordedEvent>> pages_;
};

}  // namespace

Result<std::uint64_t> FoldFromScratch(const EventStore& store, projections::Views& views,
                                      std::uint64_t up_to) {
  PageQueue queue;
  consultations::ConsultationsView shard;
  std::thread helper([&] {
    for (auto page = queue.Pop(); !page.empty(); page = queue.Pop()) {
      for (const auto& e : page) shard.Apply(e);
    }
  });
  std::uint64_t at = 0;
  Status failed;
  while (at < up_to) {
    auto page = store.ReadAll(at + 1, kPage);
    if (!page.ok()) {
      failed = page.status();
      break;
    }
    if (page->empty()) break;
    std::vector<RecordedEvent> theirs;
    for (auto& e : *page) {
      if (e.position > up_to) break;
      at = e.position;
      if (consultations::ConsultationsView::ResponseShard(e, kShards) == std::size_t{1}) {
        views.ApplyOutsideConsultations(e);
        theirs.push_back(std::move(e));
      } else {
        views.Apply(e);
      }
    }
    if (!theirs.empty()) queue.Push(std::move(theirs));
  }
  queue.Push({});
  helper.join();
  if (!failed.ok()) return failed;
  views.consultations.MergeResponsesFrom(std::move(shard));
  return at;
}

}  // namespace hoering::app
