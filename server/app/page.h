// Lists: every list route answers `{items, next}` (docs/api.md "Paging"):
// `next` is the cursor to pass as ?after= for the following page, null on the
// last one. Built once here.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/status.h"
#include "server/http/router.h"

namespace hoering::app {

struct PageRequest {
  std::string after;  // cursor: the key of the last item of the previous page
  std::size_t limit = 100;
};

// ?after= and ?limit= (default 100, 1..1000; else 400 "invalid-query").
Result<PageRequest> ParsePage(const http::RouteMatch& match);

struct Page {
  nlohmann::json items = nlohmann::json::array();
  std::optional<std::string> next;
  // {items, next} as the API answers lists. It moves the items out (a page
  // of responses is ~100 KB of JSON: a copy was 5 % of a list's CPU).
  nlohmann::json ToJson() &&;
};

// A page of `found`, the items after the cursor in key order, of which the
// caller read up to limit + 1 (one more than shown tells that a next page
// exists): the first `limit` become items (`to_json`), and `next` is the key
// (`key_of`) of the last shown when more remain.
template <class T, class KeyOf, class ToJson>
Page PageOf(const std::vector<T>& found, std::size_t limit, KeyOf key_of, ToJson to_json) {
  Page page;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i == limit) {
      page.next = key_of(found[i - 1]);
      break;
    }
    page.items.push_back(to_json(found[i]));
  }
  return page;
}

}  // namespace hoering::app
