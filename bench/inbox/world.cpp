#include "bench/inbox/world.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <thread>

namespace hoering::testing {
namespace {

constexpr int kChapters = 50, kSectionsPerChapter = 19;

std::string Paragraph(std::mt19937& rng, const std::vector<std::string>& words, std::size_t bytes) {
  std::string text;
  while (text.size() < bytes) {
    if (!text.empty()) text += (rng() % 12 == 0) ? ". " : " ";
    text += words[rng() % words.size()];
  }
  return text + ".";
}

std::string SectionId(int chapter, int k) {
  return "s-" + std::to_string(chapter) + "-" + std::to_string(k);
}

// 50 chapters of 19 sections (1,000 sections with the chapters), ~1 KB each.
std::string LongText(const std::vector<std::string>& words) {
  std::mt19937 rng(11);
  std::string md;
  for (int c = 1; c <= kChapters; ++c) {
    md += "# Kapitel " + std::to_string(c) + " {#kap-" + std::to_string(c) + "}\n\n" +
          Paragraph(rng, words, 300) + "\n\n";
    for (int k = 1; k <= kSectionsPerChapter; ++k) {
      md += "## Afsnit " + std::to_string(c) + "." + std::to_string(k) + " {#" + SectionId(c, k) +
            "}\n\n" + Paragraph(rng, words, 1000) + "\n\n";
    }
  }
  return md;
}

// 20 change sets of 10 edits (a sentence added to a section spread over the
// text), each citing 5 points of the responses `ids`; then version 2.
void ChangeTheText(client::Api& admin, const std::vector<std::string>& ids) {
  std::mt19937 rng(13);
  const auto words = Vocabulary();
  for (int set = 0; set < 20; ++set) {
    nlohmann::json ops = nlohmann::json::array();
    for (int e = 0; e < 10; ++e) {
      const int at = set * 10 + e;  // 200 edits, one in every ~5th section
      const int chapter = 1 + at / 4, k = 1 + (at % 4) * 4;
      ops.push_back(
          {{"op", "edit"}, {"id", SectionId(chapter, k)}, {"body", Paragraph(rng, words, 1000)}});
    }
    nlohmann::json cites = nlohmann::json::array();
    for (int p = 0; p < 5; ++p) {
      cites.push_back({{"response", ids[rng() % ids.size()]}, {"point", 1 + p}});
    }
    Check(admin
              .Call(client::Verb::post, "/v1/agreements/sa/changes",
                    {{"rationale", "Ændret efter høringen (sæt " + std::to_string(set + 1) + ")"},
                     {"cites", cites},
                     {"ops", ops}})
              .ok(),
          "change set");
  }
  Check(admin.Call(client::Verb::post, "/v1/agreements/sa/versions", {{"label", "endelig"}}).ok(),
        "publish the final version");
}

}  // namespace

std::size_t Responses() {
  const char* env = std::getenv("HOERING_BENCH_RESPONSES");
  return env ? std::strtoull(env, nullptr, 10) : 10000;
}

std::vector<std::string> Vocabulary() {
  std::mt19937 rng(7);
  const char* syllables[] = {"sund", "hed", "kom", "mu",   "ne",   "re",  "gi",  "on",
                             "la",   "ge",  "be",  "hand", "ling", "for", "løb", "pa",
                             "ti",   "ent", "sam", "ar",   "bej",  "de",  "æl",  "dre",
                             "bør",  "ne",  "å",   "ø",    "ind",  "sats"};
  std::vector<std::string> words = {"og", "i", "at", "det", "en", "til", "er", "som", "på"};
  while (words.size() < 5000) {
    std::string w;
    const int n = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < n; ++i) w += syllables[rng() % std::size(syllables)];
    words.push_back(w);
  }
  return words;
}

std::string PointText(std::mt19937& rng, const std::vector<std::string>& words) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    if (!text.empty()) text += (rng() % 12 == 0) ? ". " : " ";
    text += words[rng() % words.size()];
  }
  if (rng() % 100 == 0) text += " Flere tandlæger, tak.";
  return text;
}

void Check(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "inbox_bench: " << what << "\n";
    std::abort();
  }
}

World& TheWorld() {
  static World* w = [] {
    auto* world = new World;
    world->server = std::make_unique<TestServer>();
    client::Api admin = world->server->Client();
    for (int p = 0; p < 50; ++p) {
      Check(admin
                .RegisterParty({"p" + std::to_string(p), "Part " + std::to_string(p),
                                p % 2 ? "municipality" : "organisation"})
                .ok(),
            "register party");
    }
    Check(
        admin.Call(client::Verb::post, "/v1/agreements", {{"id", "sa"}, {"title", "Aftale"}}).ok(),
        "agreement");
    const std::vector<std::string> words = Vocabulary();
    Check(admin
              .CallRaw(client::Verb::post, "/v1/agreements/sa/import", LongText(words),
                       "text/markdown")
              .ok(),
          "import");
    Check(admin.Call(client::Verb::post, "/v1/agreements/sa/versions", {{"label", "udkast"}}).ok(),
          "publish");
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    Check(admin
              .Call(client::Verb::post, "/v1/consultations",
                    {{"id", "big"},
                     {"agreement", "sa"},
                     {"version", "udkast"},
                     {"title", "Stor høring"},
                     {"opens_at", FormatRfc3339(now - 3600000)},
                     {"closes_at", FormatRfc3339(now + 86400000)},
                     {"invited", {"p0", "p1"}}})
              .ok(),
          "open");
    const std::size_t n = Responses();
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> clients;
    std::vector<std::string> ids(n);
    const auto started = BenchClock::now();
    for (int t = 0; t < 8; ++t) {
      clients.emplace_back([&, t] {
        std::mt19937 rng(100 + t);
        client::Api api = world->server->Client();
        for (std::size_t i = next++; i < n; i = next++) {
          nlohmann::json points = nlohmann::json::array();
          for (int k = 0; k < 5; ++k) {
            nlohmann::json p = {{"text", PointText(rng, words)}};
            if (k == 0) p["section"] = "kap-1";
            points.push_back(p);
          }
          auto r = api.Call(client::Verb::post, "/v1/consultations/big/responses",
                            {{"party", "p" + std::to_string(i % 50)},
                             {"author", {{"name", "Sagsbehandler"}}},
                             {"points", points},
                             {"publication", "public"}});
          Check(r.ok(), "submit");
          ids[i] = r->body["response"].get<std::string>();
        }
      });
    }
    for (auto& c : clients) c.join();
    std::cerr << "inbox_bench: " << n << " responses in "
              << std::chrono::duration<double>(BenchClock::now() - started).count() << " s\n";
    Check(admin.Call(client::Verb::post, "/v1/consultations/big/close", nlohmann::json::object())
              .ok(),
          "close");
    ChangeTheText(admin, ids);
    auto signed_in = world->server->Client("").http().Send(
        client::Verb::get, std::string("/sign-in?token=") + kAdminToken, "", "", {});
    Check(signed_in.ok(), "sign in");
    for (const auto& [header, value] : signed_in->headers.fields()) {
      if (header == "Set-Cookie" && value.starts_with("hoering_session=")) {
        world->session = value.substr(0, value.find(';'));
      }
    }
    Check(!world->session.empty(), "no session cookie");
    return world;
  }();
  return *w;
}

void Percentiles(benchmark::State& state, std::vector<double>& ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}

void TimePage(benchmark::State& state, const std::string& target, bool signed_in) {
  World& w = TheWorld();
  client::Api api = w.server->Client("");
  client::Headers headers;
  if (signed_in) headers.Add("Cookie", w.session);
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto t0 = BenchClock::now();
    auto page = api.http().Send(client::Verb::get, target, "", "", headers);
    ms.push_back(std::chrono::duration<double, std::milli>(BenchClock::now() - t0).count());
    Check(page.ok() && page->status == 200, "page " + target);
    bytes = page->body.size();
  }
  Percentiles(state, ms);
  state.counters["page_kB"] = static_cast<double>(bytes) / 1024;
}

}  // namespace hoering::testing
