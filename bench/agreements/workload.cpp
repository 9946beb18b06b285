// Workload building for the agreements benchmarks (workload.h).
#include "bench/agreements/workload.h"

#include <cstdio>
#include <cstdlib>
#include <optional>

#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_events.h"
#include "domain/agreements/change_ops.h"
#include "tests/support/files.h"

namespace hoering::agreements::bench {

using nlohmann::json;

void Die(const std::string& what) {
  std::fprintf(stderr, "agreements_bench: workload setup failed: %s\n", what.c_str());
  std::abort();
}

std::string ReadFixture(const std::string& name) {
  const std::string path = hoering::testing::FixturePath(name);
  std::optional<std::string> text = hoering::testing::ReadWholeFile(path);
  if (!text) Die("cannot read " + path);
  return *text;
}

void Stream::Append(const std::vector<NewEvent>& events) {
  for (const auto& n : events) {
    const auto at = kT0 + static_cast<std::int64_t>(log_.events().size()) * 1000;
    const RecordedEvent& e = log_.Append(StreamFor(id_), n, at);
    if (Status s = state_.Apply(e); !s.ok()) Die("apply " + e.type + ": " + s.detail());
  }
}

void Stream::Create() {
  CreateAgreement c;
  c.id = id_;
  c.title = "Sundhedsaftalen 2024-2027";
  c.term.entry_into_force = "2024-01-01";
  c.parties = {"region-midt", "aarhus"};
  Append(Must(DecideCreate(state_, c), "create"));
}

void Stream::Import(const std::string& markdown) {
  Append(Must(DecideImport(state_, {markdown, "", {}}), "import"));
}

void Stream::Change(const json& ops) {
  RecordChange cmd;
  cmd.rationale = "because";
  cmd.ops = Must(ParseOps(ops), "parse ops");
  Append(Must(DecideChange(state_, std::move(cmd)), "change"));
}

void Stream::RecordChangeSet(const json& ops) {
  ChangeSetRecorded e{id_, state_.NextChangeId(), "because", {}, Must(ParseOps(ops), "ops"), "api"};
  Append({ToEvent(e)});
}

void Stream::Publish(const std::string& label) {
  Append(Must(DecidePublish(state_, {label, {}}), "publish"));
}

std::string Paragraph(std::mt19937& rng, std::size_t bytes) {
  static const std::vector<std::string> words = {
      "sundhed", "borgere", "kommuner", "regionen", "og",      "samarbejde", "på",
      "tværs",   "af",      "sektorer", "vi",       "indsats", "forløb",     "praksis"};
  std::string s;
  while (s.size() < bytes) {
    if (!s.empty()) s += ' ';
    s += words[rng() % words.size()];
  }
  return s;
}

std::string InsertWord(const std::string& body, double fraction, const std::string& word) {
  std::string b = body;
  std::size_t at = b.find(' ', static_cast<std::size_t>(fraction * static_cast<double>(b.size())));
  b.insert(at == std::string::npos ? b.size() : at, " " + word);
  return b;
}

json Edit(const std::string& id, const std::string& body) {
  return {{"op", "edit"}, {"id", id}, {"body", body}};
}
json Move(const std::string& id, const std::string& parent, const std::string& after) {
  return {{"op", "move"}, {"id", id}, {"parent", parent}, {"after", after}};
}
json Remove(const std::string& id) {
  return {{"op", "remove"}, {"id", id}};
}
json Add(const std::string& id, const std::string& kind, const std::string& heading,
         const std::string& parent, const std::string& body) {
  return {{"op", "add"},
          {"section", {{"id", id}, {"kind", kind}, {"heading", heading}, {"body", body}}},
          {"parent", parent}};
}

}  // namespace hoering::agreements::bench
