// Scenario "responses": the requests, their judgement and the receipts kept
// for the read back. Prepare and ReadBack are in responses_fixture.cpp.
#include "client/load/responses_scenario.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "client/load/receipt.h"
#include "domain/text/json_string.h"

namespace hoering::client::load {
namespace {

constexpr const char* kPublications[] = {"public", "anonymous", "private"};
constexpr std::string_view kWords[] = {
    "patient",   "pathway", "region",     "municipality", "general",  "practice", "shared",
    "care",      "plan",    "data",       "should",       "clearly",  "describe", "how",
    "the",       "parties", "coordinate", "discharge",    "early",    "support",  "for",
    "citizens",  "with",    "chronic",    "conditions",   "and",      "mental",   "health",
    "we",        "suggest", "that",       "follow-up",    "is",       "measured", "locally",
    "resources", "staff",   "training",   "digital",      "meetings", "within",   "weeks"};
// With ~200 bytes of fields and up to 3 quotes this keeps a body in 1-3 KB.
constexpr std::size_t kSummaryMin = 200, kSummarySpread = 300;  // 200..499 bytes
constexpr std::size_t kTextMin = 260, kTextSpread = 340;        // 260..599 bytes per point

std::uint64_t Mix(std::uint64_t x) {  // splitmix64's finalizer
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A tiny deterministic generator: the same seed gives the same body on every
// platform (std:: distributions are not portable).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() { return Mix(state_ += 0x632be59bd9b4e019ULL); }
  // Uniform in [0, n) by multiply-shift (Lemire), no division.
  std::size_t Below(std::size_t n) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

 private:
  std::uint64_t state_;
};

// Plain ASCII sentences of at least `bytes` bytes (a few more to end a word),
// appended to `out`.
void AppendFiller(std::string& out, Rng& rng, std::size_t bytes) {
  const std::size_t start = out.size();
  out.reserve(start + bytes + 16);            // the longest word and a full stop
  std::size_t in_sentence = 0, sentence = 0;  // words so far, words in this sentence
  while (out.size() - start < bytes) {
    const std::string_view word = kWords[rng.Below(std::size(kWords))];
    if (out.size() > start) out += ' ';
    const std::size_t first = out.size();
    out += word;
    if (in_sentence == 0) {
      out[first] = static_cast<char>(out[first] - 'a' + 'A');
      sentence = 8 + rng.Below(8);
    }
    if (++in_sentence >= sentence) {
      out += '.';
      in_sentence = 0;
    }
  }
  if (out.back() != '.') out += '.';
}

// 3 to 8 consecutive words of one line of `body`, verbatim; "" when the body
// has no words.
std::string QuoteFrom(Rng& rng, const std::string& body) {
  std::vector<std::string_view> lines;
  std::string_view rest = body;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
  }
  if (lines.empty()) return {};
  std::string_view line = lines[rng.Below(lines.size())];
  std::vector<std::pair<std::size_t, std::size_t>> words;  // [begin, end)
  for (std::size_t i = 0; i < line.size();) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) words.emplace_back(b, i);
  }
  const std::size_t count = std::min<std::size_t>(words.size(), 3 + rng.Below(6));
  const std::size_t first = rng.Below(words.size() - count + 1);
  const std::size_t begin = words[first].first, end = words[first + count - 1].second;
  return std::string(line.substr(begin, end - begin));
}

// "/v1/consultations/<c>/responses" -> "<c>" (the ids Prepare makes need no
// percent-encoding).
std::string ConsultationOf(const std::string& target) {
  constexpr std::string_view kPrefix = "/v1/consultations/", kSuffix = "/responses";
  if (target.size() < kPrefix.size() + kSuffix.size()) return {};
  return target.substr(kPrefix.size(), target.size() - kPrefix.size() - kSuffix.size());
}

}  // namespace

ResponsesScenario::ResponsesScenario(ScenarioConfig config)
    : config_(std::move(config)), reservoir_rng_(0x6865726e696e67ULL) {}

// The body is written as text: building a JSON value and dumping it cost
// the load generator about a third of its CPU per request. Field order: as
// nlohmann::json's (sorted keys), so the bytes are those of json::dump().
LoadRequest ResponsesScenario::Next(int connection, std::uint64_t index) {
  const ResponsesFixture& f = fixture_;
  Rng rng(Mix(Mix(static_cast<std::uint64_t>(connection)) ^ index));
  const std::string suffix = std::to_string(connection) + "-" + std::to_string(index);
  const std::string& party = f.parties[rng.Below(f.parties.size())];
  const std::string& consultation = f.consultations[rng.Below(f.consultations.size())];

  struct Point {
    const ResponsesFixture::Section* section;
    std::string quote;
    std::string text;
  };
  Point points[kPoints];
  for (Point& point : points) {
    point.section = &f.sections[rng.Below(f.sections.size())];
    if (rng.Below(3) != 0) point.quote = QuoteFrom(rng, point.section->body);  // two in three
    AppendFiller(point.text, rng, kTextMin + rng.Below(kTextSpread));
  }
  std::string summary;
  AppendFiller(summary, rng, kSummaryMin + rng.Below(kSummarySpread));

  std::string body;
  body.reserve(3072);
  body += "{\"author\":{";
  if (index % 4 != 3) body += "\"email\":\"caseworker-" + suffix + "@example.org\",";
  body += "\"name\":\"Caseworker " + suffix + "\"},\"party\":";
  text::AppendJsonString(body, party);
  body += ",\"points\":[";
  for (int p = 0; p < kPoints; ++p) {
    if (p > 0) body += ',';
    body += '{';
    if (!points[p].quote.empty()) {
      body += "\"quote\":";
      text::AppendJsonString(body, points[p].quote);
      body += ',';
    }
    body += "\"section\":";
    text::AppendJsonString(body, points[p].section->id);
    body += ",\"text\":\"" + points[p].text + "\"}";  // Filler needs no escapes
  }
  body += "],\"publication\":\"";
  body += kPublications[index % std::size(kPublications)];
  body += "\",\"summary\":\"" + summary + "\"}";

  LoadRequest r;
  r.method = Verb::post;
  r.target = "/v1/consultations/" + consultation + "/responses";
  r.body = std::move(body);
  r.headers.Set("Idempotency-Key", "load-" + config_.run_id + "-" + suffix);
  r.type = "ResponseSubmitted";  // the stream is known from the receipt only
  return r;
}

LoadOutcome ResponsesScenario::Check(const LoadRequest& request, const HttpResponse& response) {
  LoadOutcome out;
  if (response.status != 201) {
    out.problem = "expected 201 Created, got " + std::to_string(response.status) + ": " +
                  response.body.substr(0, 200);
    return out;
  }
  Receipt receipt = ParseReceipt(response.body);
  out.problem = ReceiptProblem(receipt);
  if (receipt.position && receipt.response) {
    // Acknowledged as far as the server is concerned: the audit re-reads it
    // even when the receipt is otherwise wrong.
    out.ack = Acknowledged{*receipt.position, "response-" + *receipt.response, request.type};
  }
  if (!out.problem.empty()) return out;
  Record({ConsultationOf(request.target),
          std::move(*receipt.response),
          *receipt.position,
          std::move(*receipt.hash),
          {}},
         request.body);
  out.ok = true;
  return out;
}

void ResponsesScenario::Record(Recorded r, const std::string& body) {
  std::lock_guard lock(mu_);
  ++receipts_;
  if (sample_.size() < kMaxReadback) {
    r.body = body;
    sample_.push_back(std::move(r));
    return;
  }
  // Reservoir sampling: every receipt so far is in the sample with the same
  // probability kMaxReadback / receipts_.
  const std::uint64_t slot = reservoir_rng_() % receipts_;
  if (slot < kMaxReadback) {
    r.body = body;
    sample_[slot] = std::move(r);
  }
}

std::uint64_t ResponsesScenario::receipts() const {
  std::lock_guard lock(mu_);
  return receipts_;
}

std::unique_ptr<Scenario> MakeResponsesScenario(const ScenarioConfig& config) {
  return std::make_unique<ResponsesScenario>(config);
}

}  // namespace hoering::client::load
