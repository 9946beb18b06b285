// A least-recently-used map from string keys to values, bounded by the bytes
// its caller says each entry costs: the bookkeeping of the server's caches
// (ResponseCache, PointSearch, VersionTexts), which differ only in what they keep and how
// they judge an entry fresh.
//
// Put() puts the entry first and drops the least recently used ones while
// the total passes the budget; an entry costing more than the whole budget
// is not kept (and replaces nothing: the old entry under its key is gone).
// Touch() finds an entry and makes it the most recently used; Peek() finds
// it without changing the order; Demote() makes it the least recently used;
// Erase() drops it.
//
// Not thread-safe: the caches hold their own mutex around every call, with
// their counters.
#pragma once

#include <cstddef>
#include <list>
#include <string>
#include <unordered_map>
#include <utility>

namespace hoering::app {

template <typename Value>
class ByteBudgetLru {
 public:
  explicit ByteBudgetLru(std::size_t budget_bytes) : budget_(budget_bytes) {}

  // The value under `key`, now the most recently used; nullptr when absent.
  Value* Touch(const std::string& key) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->value;
  }

  // The value under `key` without changing the order; nullptr when absent.
  const Value* Peek(const std::string& key) const {
    auto it = by_key_.find(key);
    return it == by_key_.end() ? nullptr : &it->second->value;
  }

  void Put(const std::string& key, Value value, std::size_t bytes) {
    Erase(key);
    if (bytes > budget_) return;
    order_.push_front(Entry{key, std::move(value), bytes});
    by_key_.emplace(order_.front().key, order_.begin());
    bytes_ += bytes;
    while (bytes_ > budget_ && !order_.empty()) {
      bytes_ -= order_.back().bytes;
      by_key_.erase(order_.back().key);
      order_.pop_back();
    }
  }

  // Makes the entry under `key` (if any) the least recently used: the first
  // to be dropped.
  void Demote(const std::string& key) {
    auto it = by_key_.find(key);
    if (it != by_key_.end()) order_.splice(order_.end(), order_, it->second);
  }

  void Erase(const std::string& key) {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    by_key_.erase(it);
  }

  std::size_t budget() const { return budget_; }
  std::size_t bytes() const { return bytes_; }
  std::size_t size() const { return order_.size(); }

 private:
  struct Entry {
    std::string key;
    Value value;
    std::size_t bytes = 0;
  };
  using Order = std::list<Entry>;  // most recently used first

  const std::size_t budget_;
  Order order_;
  std::unordered_map<std::string, typename Order::iterator> by_key_;
  std::size_t bytes_ = 0;
};

}  // namespace hoering::app
