#include "server/http/router.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/url/parse.hpp>
#include <chrono>
#include <exception>
#include <memory>
#include <set>
#include <stdexcept>

#include "server/http/name_values.h"
#include "server/http/problem.h"

namespace hoering::http {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view kUnmatched = "unmatched";

// A header-only copy of the request, enough for MakeProblem after the request
// itself was moved into a handler.
Request Stub(const Request& req) {
  Request stub{req.method(), "", req.version()};
  stub.keep_alive(req.keep_alive());
  return stub;
}

}  // namespace

std::optional<std::string> RouteMatch::Query(std::string_view name) const {
  return FirstValue(query_params, name);
}

const std::string& RouteMatch::Param(std::string_view name) const {
  static const std::string kEmpty;
  auto it = path_params.find(std::string(name));
  return it == path_params.end() ? kEmpty : it->second;
}

Router::Router(RequestMetrics* metrics) : metrics_(metrics) {}

void Router::Add(beast_http::verb method, std::string pattern, RouteHandler handler) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  Route route{method, pattern, {}, std::move(handler)};
  std::set<std::string> names;
  if (pattern != "/") {
    std::string_view rest = std::string_view(pattern).substr(1);
    while (true) {
      const auto slash = rest.find('/');
      std::string_view seg = rest.substr(0, slash);
      Segment s;
      if (seg.size() >= 2 && seg.front() == '{' && seg.back() == '}') {
        s.param = true;
        s.text = std::string(seg.substr(1, seg.size() - 2));
        if (s.text.size() > 3 && s.text.ends_with("...")) {
          s.text.resize(s.text.size() - 3);
          s.tail = true;
          if (slash != std::string_view::npos) {
            throw std::invalid_argument("a {name...} segment must be the last: " + pattern);
          }
        }
        if (s.text.empty() || !names.insert(s.text).second ||
            s.text.find_first_of("{}") != std::string::npos) {
          throw std::invalid_argument("bad parameter in route pattern: " + pattern);
        }
      } else {
        if (seg.find_first_of("{}") != std::string_view::npos) {
          throw std::invalid_argument("bad literal in route pattern: " + pattern);
        }
        s.text = std::string(seg);
      }
      route.segments.push_back(std::move(s));
      if (slash == std::string_view::npos) break;
      rest.remove_prefix(slash + 1);
    }
  }
  for (const auto& r : routes_) {
    if (r.method == method && r.pattern == pattern) {
      throw std::invalid_argument("route added twice: " + pattern);
    }
  }
  routes_.push_back(std::move(route));
}

void Router::SetNotFound(std::string path_prefix, RouteHandler handler) {
  not_found_.emplace_back(std::move(path_prefix), std::move(handler));
}

Responder Router::Instrument(Responder respond, std::string route, beast_http::verb method) {
  struct State {
    std::atomic<bool> done{false};
    Clock::time_point start = Clock::now();
    std::string route;
    beast_http::verb method;
    RequestMetrics* metrics;
    Responder inner;
    bool First(unsigned status) {
      if (done.exchange(true)) {
        spdlog::error("route {}: responder called more than once; extra response dropped", route);
        return false;
      }
      if (metrics) {
        const std::chrono::duration<double> secs = Clock::now() - start;
        metrics->Record(route, method, status, secs.count());
      }
      return true;
    }
  };
  auto state = std::make_shared<State>();
  state->route = std::move(route);
  state->method = method;
  state->metrics = metrics_;
  state->inner = std::move(respond);
  Responder out;
  out.respond = [state](Response r) {
    if (state->First(r.result_int())) state->inner.respond(std::move(r));
  };
  out.stream = [state](StreamReply s) {
    if (state->First(s.head.result_int())) state->inner.stream(std::move(s));
  };
  return out;
}

void Router::Handle(Request request, const RequestInfo& info, Responder respond) {
  const beast_http::verb method = request.method();
  auto parsed = boost::urls::parse_origin_form(request.target());
  if (!parsed) {
    Instrument(std::move(respond), std::string(kUnmatched), method)(MakeProblem(
        400, "invalid-target", "the request target is not a valid origin-form path", request));
    return;
  }
  const boost::urls::url_view& url = *parsed;
  std::vector<std::string> segs;
  for (auto seg : url.segments()) segs.push_back(std::string(seg));

  const Route* best = nullptr;
  std::set<std::string_view> allowed;
  auto more_specific = [](const Route& a, const Route& b) {
    const std::size_t n = std::min(a.segments.size(), b.segments.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (a.segments[i].param != b.segments[i].param) return !a.segments[i].param;
      if (a.segments[i].tail != b.segments[i].tail) return !a.segments[i].tail;
    }
    return false;
  };
  for (const auto& r : routes_) {
    const bool tail = !r.segments.empty() && r.segments.back().tail;
    if (tail ? segs.size() < r.segments.size() : r.segments.size() != segs.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < segs.size() && match; ++i) {
      const Segment& pat = r.segments[std::min(i, r.segments.size() - 1)];
      match = pat.param ? !segs[i].empty() : pat.text == segs[i];
    }
    if (!match) continue;
    allowed.insert(beast_http::to_string(r.method));
    if (r.method == method && (best == nullptr || more_specific(r, *best))) best = &r;
  }
  if (best == nullptr) {
    auto responder = Instrument(std::move(respond), std::string(kUnmatched), method);
    if (allowed.empty()) {
      const std::string path(url.path());
      for (const auto& [prefix, handler] : not_found_) {
        if (!path.starts_with(prefix)) continue;
        if (!handler) break;
        RouteMatch none;
        none.route = std::string(kUnmatched);
        for (auto p : url.params()) {
          none.query_params.emplace_back(std::string(p.key),
                                         p.has_value ? std::string(p.value) : std::string());
        }
        const Request stub = Stub(request);
        try {
          handler(std::move(request), none, info, responder);
        } catch (const std::exception& e) {
          spdlog::error("not-found handler threw (request {}): {}", info.request_id, e.what());
          responder(MakeProblem(500, "internal", "internal error", stub));
        }
        return;
      }
      responder(MakeProblem(404, "route-not-found", "no route for this path", request));
      return;
    }
    std::string allow;
    for (auto m : allowed) allow += (allow.empty() ? "" : ", ") + std::string(m);
    Response res = MakeProblem(405, "method-not-allowed",
                               "method not allowed here; allowed: " + allow, request);
    res.set(beast_http::field::allow, allow);
    responder(std::move(res));
    return;
  }

  RouteMatch match;
  match.route = best->pattern;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    const Segment& pat = best->segments[std::min(i, best->segments.size() - 1)];
    if (!pat.param) continue;
    std::string& value = match.path_params[pat.text];
    value += (pat.tail && !value.empty() ? "/" : "") + segs[i];
  }
  for (auto p : url.params()) {
    match.query_params.emplace_back(std::string(p.key),
                                    p.has_value ? std::string(p.value) : std::string());
  }
  Responder responder = Instrument(std::move(respond), best->pattern, method);
  const Request stub = Stub(request);
  try {
    best->handler(std::move(request), match, info, responder);
  } catch (const std::exception& e) {
    spdlog::error("route {} {} threw (request {}): {}", beast_http::to_string(method),
                  best->pattern, info.request_id, e.what());
    responder(MakeProblem(500, "internal", "internal error", stub));
  } catch (...) {
    spdlog::error("route {} {} threw a non-exception (request {})", beast_http::to_string(method),
                  best->pattern, info.request_id);
    responder(MakeProblem(500, "internal", "internal error", stub));
  }
}

}  // namespace hoering::http
