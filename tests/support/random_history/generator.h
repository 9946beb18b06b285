// The random history generator (tests/support/random_history.h), in one
// class whose member functions are spread over files by idea:
//   generator.cpp       Run, setup (parties, tokens), the main loop
//   agreements.cpp      agreements, their text and change sets
//   consultations.cpp   consultation rounds and processing of responses
//   responses.cpp       responses: content, attachments, amendments
//   decisions.cpp       decisions, conditions, obligations
//   damage.cpp          events the views must tolerate
// with the local model in model.h, the writing side in history_writer.h, the
// prose in prose.h and the parties and agreements in cast.h.
//
// Generator keeps a local model of what it has written (folded domain states
// on locally recorded events with virtual times) and decides every command on
// it with the domain's decide functions, exactly as a route handler does on
// the server's read views. The writer sends the events through the command
// service once the written stream and every stream the decision read have no
// append in flight. Deadlines (commit_before) are not sent: time here is
// virtual and per agreement, while the store stamps its own clock.
//
// Every random draw comes from rng_, in program order: moving a draw (or a
// Write, which draws ids) changes the history for every seed. Check with
// random_history_dump (tests/support/random_history_dump.cpp) before and
// after a change.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/access/access.h"
#include "domain/agreements/section_rules.h"
#include "domain/agreements/section_tree.h"
#include "domain/consultations/attachments.h"
#include "storage/event_store.h"
#include "tests/support/random_history.h"
#include "tests/support/random_history/history_writer.h"
#include "tests/support/random_history/model.h"
#include "tests/support/random_history/rng.h"

namespace hoering::testdata::history {

using nlohmann::json;

class Generator {
 public:
  Generator(EventStore& store, const HistoryOptions& options);

  // Writes the whole history; blocks until every append is acknowledged.
  Result<HistoryStats> Run();

 private:
  // ---- setup and the main loop (generator.cpp): parties and tokens, then
  // steps of random agreements, damage and fulfilled conditions.
  Status Setup();
  Actor IssueToken(const std::string& role, const std::string& party, const std::string& label,
                   const Actor& by, TimeMs at, Status& s);
  const Actor& Secretariat();
  Status MainLoop();
  Status Step(AgreementSim& a);

  // ---- agreements (agreements.cpp): creation, the initial text, change sets
  // of random ops, published versions.
  void ApplyAgreement(AgreementSim& a, const std::vector<RecordedEvent>& events);
  Status Create(AgreementSim& a);
  // Records one change set of `ops` (validated and normalised by DecideChange).
  Status Record(AgreementSim& a, std::vector<ag::Op> ops, std::vector<ag::Cite> cites,
                std::string rationale, const std::vector<std::string>& reads = {});
  // An add of a new section of `kind` under `parent`, with the id the server
  // would generate (given explicitly, so later ops of the set can use it).
  ag::Op AddOp(const ag::SectionTree& tree, const ag::IdSet& used, ag::IdSet& taken,
               ag::SectionKind kind, const std::string& parent);
  // Keeps `op` when it applies to `work` (the text as left by the ops so far).
  bool TryOp(ag::SectionTree& work, const ag::IdSet& used, std::vector<ag::Op>& ops, ag::Op op);
  Status InitialText(AgreementSim& a);
  std::vector<std::string> AllIds(const ag::SectionTree& t);
  std::size_t Height(const ag::SectionTree& t, const std::string& id);
  // A random valid op on `work`, or nullopt after a few failed tries.
  std::optional<ag::Op> RandomOp(ag::SectionTree& work, const ag::IdSet& used, ag::IdSet& taken,
                                 const std::string& focus_section);
  Status Change(AgreementSim& a, std::vector<ag::Cite> cites, std::int64_t n_ops,
                const std::string& focus_section = "", const std::vector<std::string>& reads = {});
  Status Publish(AgreementSim& a, const std::string& label, Phase next);

  // ---- consultations (consultations.cpp): opening, the consultation period,
  // late responses, processing (dispositions and citing change sets).
  std::string ConsultationStreamOf(const AgreementSim& a);
  Status ApplyConsultation(AgreementSim& a, const std::vector<RecordedEvent>& events);
  Status Open(AgreementSim& a);
  Status Consult(AgreementSim& a);
  Status Late(AgreementSim& a);
  Status Process(AgreementSim& a);
  Status Dispose(AgreementSim& a, std::size_t ri, std::uint32_t point);

  // ---- responses (responses.cpp): content, attachments, submissions,
  // amendments and withdrawals.
  // Content of a response for `party`: 1-5 points, most anchored to sections
  // of the consulted text, some quoting it.
  cs::ResponseContent Content(AgreementSim& a, const std::string& party);
  cs::Point Point(AgreementSim& a);
  // An attachment of a submission: a stored one (sometimes the same file
  // again) or a new one, stored first in "attachment-<sha256>".
  cs::AttachmentRef Attachment(const std::string& party, const Actor& actor, TimeMs at,
                               std::vector<std::string>& reads);
  // A new response; `late`: recorded by the secretariat after the deadline.
  Status Submit(AgreementSim& a, bool late);
  ResponseSim* LiveResponse(AgreementSim& a);
  Status ApplyResponse(ResponseSim& r, const std::vector<RecordedEvent>& events);
  Status Amend(AgreementSim& a, ResponseSim& r);
  Status Withdraw(AgreementSim& a, ResponseSim& r);

  // ---- decisions (decisions.cpp): decisions of the parties' bodies,
  // fulfilled conditions and obligations.
  Status Decide(AgreementSim& a);
  Status FulfilCondition();

  // ---- damage (damage.cpp): events the views must tolerate.
  AgreementSim* ExistingAgreement();
  NewEvent Raw(const char* type, json data);
  Status Damage(int kind);

  const HistoryOptions options_;
  Rng rng_;
  HistoryWriter writer_;  // draws from rng_
  Status local_error_;    // the first fold error of ApplyAgreement

  access::AccessView access_;
  Actor admin_;
  std::vector<Actor> secretariat_;
  std::map<std::string, Actor> stakeholder_;
  std::vector<std::string> party_ids_;
  std::vector<std::unique_ptr<AgreementSim>> agreements_;
  std::vector<cs::AttachmentRef> attachments_;
  std::vector<DecisionSim> decisions_;
  std::unordered_map<std::string, TimeMs> sim_now_;  // virtual time per decision
  std::uint64_t decision_counter_ = 0;
  std::uint64_t damage_counter_ = 0;
};

}  // namespace hoering::testdata::history
