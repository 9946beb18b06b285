// The random history generator (random_history.h).
//
// Structure: Generator keeps a local model of what it has written (folded
// domain states on locally made RecordedEvents with virtual times) and decides
// every command on it with the domain's decide functions, exactly as a route
// handler does on the server's read views. Dispatch() sends the events
// through the command service once the written stream and every stream the
// decision read have no append in flight. Deadlines (commit_before) are not
// sent: time here is virtual and per agreement, while the store stamps its
// own clock (random_history.h).
#include "tests/support/random_history.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "domain/access/access.h"
#include "domain/agreements/agreement_decide.h"
#include "domain/agreements/agreement_state.h"
#include "domain/agreements/apply_ops.h"
#include "domain/agreements/section_rules.h"
#include "domain/consultations/consultation_decide.h"
#include "domain/consultations/response_decide.h"
#include "domain/decisions/decision_decide.h"
#include "domain/decisions/ratification.h"
#include "domain/parties/party.h"
#include "domain/sha256.h"
#include "domain/time.h"
#include "server/commands/command_service.h"

namespace hoering::testdata {
namespace {

namespace ag = agreements;
namespace cs = consultations;
namespace dc = decisions;
using nlohmann::json;

constexpr TimeMs kStartMs = 1704096000000;  // 2024-01-01T08:00:00Z
constexpr TimeMs kMinute = 60'000;
constexpr TimeMs kHour = 60 * kMinute;
constexpr TimeMs kDay = 24 * kHour;

// splitmix64: small, fast and the same on every platform (unlike the
// distributions of <random>).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed ^ 0x6a09e667f3bcc909ull) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::uint64_t Below(std::uint64_t n) { return n == 0 ? 0 : Next() % n; }
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <typename C>
  const auto& Pick(const C& c) {
    return c[Below(std::size(c))];
  }
  std::string Hex(std::size_t digits) {
    static const char* kDigits = "0123456789abcdef";
    std::string out;
    while (out.size() < digits) {
      std::uint64_t v = Next();
      for (int i = 0; i < 16 && out.size() < digits; ++i, v >>= 4) out.push_back(kDigits[v & 15]);
    }
    return out;
  }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  std::uint64_t s_;
};

// ---------------------------------------------------------------------------
// Content: Danish health-agreement prose, assembled from phrases.

const char* const kSubjects[] = {"Borgere med kronisk sygdom",
                                 "Ældre medicinske patienter",
                                 "Børn og unge i psykisk mistrivsel",
                                 "Mennesker med psykisk sygdom",
                                 "Gravide i sårbare positioner",
                                 "Borgere med flere samtidige sygdomme",
                                 "Patienter i genoptræning",
                                 "Pårørende",
                                 "Borgere med demens",
                                 "Socialt udsatte borgere",
                                 "Kommunerne, regionen og almen praksis",
                                 "Parterne"};
const char* const kVerbs[] = {"skal opleve",          "skal sikres",    "skal tilbydes",
                              "skal have adgang til", "skal mødes med", "skal inddrages i",
                              "prioriterer",          "arbejder for"};
const char* const kObjects[] = {"et sammenhængende forløb på tværs af sektorer",
                                "en tydelig koordinering mellem region, kommuner og almen praksis",
                                "tidlig opsporing og forebyggelse",
                                "behandling tæt på hjemmet",
                                "en rettidig og sikker udskrivning",
                                "digitale løsninger, der understøtter samarbejdet",
                                "lige adgang til sundhedsydelser",
                                "en fast kontaktperson i hele forløbet",
                                "rehabilitering af høj kvalitet",
                                "et styrket samarbejde om medicinhåndtering",
                                "færre forebyggelige indlæggelser",
                                "en fælles indsats for mental sundhed",
                                "kortere ventetid til genoptræning",
                                "et tættere samarbejde med civilsamfundet"};
const char* const kClauses[] = {"så vidt muligt",
                                "inden for de aftalte økonomiske rammer",
                                "med udgangspunkt i borgerens egne mål",
                                "i tæt dialog med de pårørende",
                                "uanset bopæl og sociale forhold",
                                "i hele aftaleperioden",
                                "på baggrund af fælles data",
                                "med respekt for den enkeltes ressourcer"};
const char* const kOpeners[] = {"Vi bakker op om",
                                "Vi savner en tydeligere beskrivelse af",
                                "Vi foreslår, at aftalen også omfatter",
                                "Det bør præciseres, hvem der har ansvaret for",
                                "Vi er bekymrede for finansieringen af",
                                "Vi anbefaler, at indsatsen styrker",
                                "Kommunen har gode erfaringer med",
                                "Foreningen ønsker en klar målsætning for"};
const char* const kChapters[] = {"Indledning",
                                 "Fælles vision",
                                 "Sammenhængende forløb",
                                 "Forebyggelse og lighed i sundhed",
                                 "Det nære sundhedsvæsen",
                                 "Psykiatri og misbrug",
                                 "Børn og unge",
                                 "Digitalisering og data",
                                 "Organisering og opfølgning",
                                 "Økonomi og implementering"};
const char* const kFocus[] = {"Ældre medicinske patienter",
                              "Mennesker med kronisk sygdom",
                              "Udskrivning og overgange",
                              "Genoptræning og rehabilitering",
                              "Medicinhåndtering",
                              "Mental sundhed",
                              "Tidlig opsporing",
                              "Sundhedsfaglig rådgivning",
                              "Akutområdet",
                              "Fælles kompetenceudvikling"};
const char* const kIndicators[] = {
    "antal forebyggelige indlæggelser", "andel genindlæggelser inden for 30 dage",
    "ventetid til genoptræning",        "andel borgere med opfølgende hjemmebesøg",
    "antal færdigbehandlingsdage",      "patienternes oplevelse af overgange",
    "andel borgere med en forløbsplan"};
const char* const kPrinciples[] = {"Borgeren i centrum", "Fælles ansvar", "Lighed i sundhed",
                                   "Data deles sikkert", "Kvalitet tæt på borgeren"};
const char* const kFirstNames[] = {"Anne",    "Mette",   "Lars",     "Søren",  "Hanne",
                                   "Jens",    "Kirsten", "Peter",    "Louise", "Mads",
                                   "Camilla", "Ole",     "Birgitte", "Rasmus"};
const char* const kLastNames[] = {"Nielsen",     "Jensen", "Hansen",   "Pedersen",  "Andersen",
                                  "Christensen", "Larsen", "Sørensen", "Rasmussen", "Kjær"};

std::string Sentence(Rng& r) {
  std::string s = r.Pick(kSubjects);
  s += ' ';
  s += r.Pick(kVerbs);
  s += ' ';
  s += r.Pick(kObjects);
  if (r.Chance(0.4)) {
    s += ", ";
    s += r.Pick(kClauses);
  }
  s += '.';
  return s;
}

std::string Paragraph(Rng& r, int lo, int hi) {
  std::string out;
  for (std::int64_t i = 0, n = r.Between(lo, hi); i < n; ++i) {
    if (!out.empty()) out += ' ';
    out += Sentence(r);
  }
  return out;
}

std::string SectionBody(Rng& r) {
  std::string body = Paragraph(r, 1, 4);
  for (std::int64_t i = 0, n = r.Between(0, 2); i < n; ++i) body += "\n\n" + Paragraph(r, 1, 3);
  if (r.Chance(0.3)) {
    body += "\n";
    for (std::int64_t i = 0, n = r.Between(2, 4); i < n; ++i) {
      body += std::string("\n- ") + r.Pick(kObjects);
    }
  }
  return body;
}

std::string PointText(Rng& r) {
  std::string s = r.Pick(kOpeners);
  s += ' ';
  s += r.Pick(kObjects);
  s += ". ";
  s += Paragraph(r, 2, 5);
  return s;
}

std::string Heading(Rng& r, ag::SectionKind kind) {
  switch (kind) {
    case ag::SectionKind::kChapter:
      return r.Pick(kChapters);
    case ag::SectionKind::kFocusArea:
      return r.Pick(kFocus);
    case ag::SectionKind::kObjective:
      return std::string("Mål: ") + r.Pick(kObjects);
    case ag::SectionKind::kIndicator:
      return std::string("Indikator: ") + r.Pick(kIndicators);
    case ag::SectionKind::kPrinciple:
      return std::string("Princip: ") + r.Pick(kPrinciples);
    case ag::SectionKind::kVision:
      return "Vision";
    case ag::SectionKind::kText:
      break;
  }
  static const char* const kTexts[] = {"Baggrund", "Læsevejledning", "Samarbejde", "Opfølgning"};
  return r.Pick(kTexts);
}

std::string Base64(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint8_t(bytes[i]) << 16) | (std::uint8_t(bytes[i + 1]) << 8) |
                            std::uint8_t(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out.push_back(kAlphabet[(v >> k) & 63]);
  }
  if (i + 1 == bytes.size()) {
    const std::uint32_t v = std::uint8_t(bytes[i]) << 16;
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const std::uint32_t v = (std::uint8_t(bytes[i]) << 16) | (std::uint8_t(bytes[i + 1]) << 8);
    out += {kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

std::string Date(TimeMs t) {
  return FormatDate(t / kDay);
}

// ---------------------------------------------------------------------------
// Parties and agreements of the history.

struct PartySpec {
  const char* id;
  const char* name;
  const char* kind;
};
const PartySpec kParties[] = {
    {"region-midtjylland", "Region Midtjylland", "region"},
    {"aarhus", "Aarhus Kommune", "municipality"},
    {"favrskov", "Favrskov Kommune", "municipality"},
    {"hedensted", "Hedensted Kommune", "municipality"},
    {"herning", "Herning Kommune", "municipality"},
    {"holstebro", "Holstebro Kommune", "municipality"},
    {"horsens", "Horsens Kommune", "municipality"},
    {"ikast-brande", "Ikast-Brande Kommune", "municipality"},
    {"lemvig", "Lemvig Kommune", "municipality"},
    {"norddjurs", "Norddjurs Kommune", "municipality"},
    {"odder", "Odder Kommune", "municipality"},
    {"randers", "Randers Kommune", "municipality"},
    {"ringkobing-skjern", "Ringkøbing-Skjern Kommune", "municipality"},
    {"samso", "Samsø Kommune", "municipality"},
    {"silkeborg", "Silkeborg Kommune", "municipality"},
    {"skanderborg", "Skanderborg Kommune", "municipality"},
    {"skive", "Skive Kommune", "municipality"},
    {"struer", "Struer Kommune", "municipality"},
    {"syddjurs", "Syddjurs Kommune", "municipality"},
    {"viborg", "Viborg Kommune", "municipality"},
    {"plo-midtjylland", "PLO Midtjylland", "practice"},
    {"danske-patienter", "Danske Patienter", "organisation"},
    {"aeldre-sagen", "Ældre Sagen", "organisation"},
    {"dansk-sygeplejeraad", "Dansk Sygeplejeråd", "organisation"},
    {"laegeforeningen", "Lægeforeningen", "organisation"},
    {"danske-fysioterapeuter", "Danske Fysioterapeuter", "organisation"},
    {"sind", "SIND", "organisation"},
    {"psykiatrifonden", "Psykiatrifonden", "organisation"},
    {"kraeftens-bekaempelse", "Kræftens Bekæmpelse", "organisation"},
    {"hjerteforeningen", "Hjerteforeningen", "organisation"},
    {"diabetesforeningen", "Diabetesforeningen", "organisation"},
    {"bedre-psykiatri", "Bedre Psykiatri", "organisation"},
    {"danske-handicaporganisationer", "Danske Handicaporganisationer", "organisation"},
    {"ergoterapeutforeningen", "Ergoterapeutforeningen", "organisation"},
    {"foa", "FOA", "organisation"},
    {"jordemoderforeningen", "Jordemoderforeningen", "organisation"},
    {"apotekerforeningen", "Danmarks Apotekerforening", "organisation"},
    {"dansk-psykolog-forening", "Dansk Psykolog Forening", "organisation"},
    {"lungeforeningen", "Lungeforeningen", "organisation"},
    {"alzheimerforeningen", "Alzheimerforeningen", "organisation"},
    {"boerns-vilkaar", "Børns Vilkår", "organisation"},
    {"sundhedsstyrelsen", "Sundhedsstyrelsen", "authority"},
    {"styrelsen-for-patientsikkerhed", "Styrelsen for Patientsikkerhed", "authority"},
    {"laegemiddelstyrelsen", "Lægemiddelstyrelsen", "authority"},
    {"sundhedsdatastyrelsen", "Sundhedsdatastyrelsen", "authority"},
    {"sundhedskoordinationsudvalget", "Sundhedskoordinationsudvalget", "committee"},
    {"praksisplanudvalget", "Praksisplanudvalget", "committee"},
    {"patientinddragelsesudvalget", "Patientinddragelsesudvalget", "committee"},
};
constexpr std::size_t kMunicipalities = 19;  // kParties[1..19]

struct AgreementSpec {
  const char* id;
  const char* title;
  const char* subtitle;  // may be null
  const char* entry_into_force;
  std::uint32_t years;
  std::size_t municipalities;  // the first n municipalities take part
  bool practice;
};
const AgreementSpec kAgreements[] = {
    {"sundhedsaftale-2024-2027", "Sundhedsaftale 2024-2027", "Fælles om sundhed i Midtjylland",
     "2024-07-01", 4, 19, true},
    {"rammeaftale-psykiatri", "Rammeaftale om psykiatri og misbrug", nullptr, "2025-01-01", 3, 8,
     false},
    {"aftale-genoptraening", "Aftale om genoptræning og rehabilitering", nullptr, "2024-10-01", 2,
     19, false},
    {"samarbejdsaftale-boern-unge", "Samarbejdsaftale om børn og unge",
     "Tidlig indsats og sammenhæng", "2025-03-01", 4, 10, true},
    {"aftale-telemedicin", "Aftale om telemedicin", nullptr, "2024-04-01", 5, 19, false},
    {"sundhedsaftale-2028-2031", "Sundhedsaftale 2028-2031", nullptr, "2028-07-01", 4, 19, true},
};

// ---------------------------------------------------------------------------

struct ResponseSim {
  std::string id;
  Actor actor;
  cs::Submitter who;
  cs::ResponseState state;
};

enum class Phase {
  kCreate,
  kDraft,
  kPublishDraft,
  kOpen,
  kConsult,
  kLate,
  kProcess,
  kPublishFinal,
  kDecide
};

struct AgreementSim {
  std::size_t index = 0;
  const AgreementSpec* spec = nullptr;
  std::vector<std::string> parties;
  ag::AgreementState state{ag::FoldOptions{false, false}};
  TimeMs now = 0;
  Phase phase = Phase::kCreate;
  int round = 1;
  int todo = 0;  // draft change sets / decisions left
  bool obligation_todo = false;
  // The round's consultation.
  std::string consultation;
  cs::ConsultationState cons;
  std::shared_ptr<const ag::SectionTree> consulted;
  std::vector<std::string> consulted_ids;
  std::vector<std::string> invited;
  std::size_t target = 0;
  TimeMs step = 0;
  std::vector<std::unique_ptr<ResponseSim>> responses;
  std::vector<std::pair<std::size_t, std::uint32_t>> pending;  // (response, point) to dispose
  std::vector<std::pair<std::size_t, std::uint32_t>> disposed;
  std::size_t pending_total = 0;
  int late_todo = 0;
  int changes_planned = 0;
  int changes_done = 0;
  std::vector<std::string> round_changes;
  std::vector<std::string> bodies;  // parties deciding in this round
  std::set<std::string> obligations_done;
};

struct DecisionSim {
  dc::DecisionInfo info;
  std::vector<std::uint32_t> open;  // unfulfilled conditions
};

Status Bug(const std::string& what, const Status& s) {
  return Status(Code::kInternal, "random history: " + what + ": " + s.detail(), "generator-bug");
}

class Generator {
 public:
  Generator(EventStore& store, const HistoryOptions& options)
      : store_(store), commands_(store), options_(options), rng_(options.seed) {}

  Result<HistoryStats> Run() {
    Status s = Setup();
    if (s.ok()) s = MainLoop();
    std::unique_lock lock(mu_);
    Pump(lock, [&] { return in_flight_ == 0 && (queue_.empty() || !error_.ok()); });
    if (!error_.ok()) return error_;
    if (!s.ok()) return s;
    return stats_;
  }

 private:
  // ---- writing ------------------------------------------------------------

  // Appends `events` to `stream` with the expected version the local model
  // knows; the append is sent once neither `stream` nor any of `reads` has an
  // append in flight or queued before it (others overtake it meanwhile).
  // Returns the events as the local model records them (virtual time `at`).
  std::vector<RecordedEvent> Write(const std::string& stream, std::vector<NewEvent> events,
                                   const Actor& actor, TimeMs at,
                                   const std::vector<std::string>& reads = {},
                                   bool idempotent = false,
                                   std::optional<StreamAt> decided_on = std::nullopt) {
    std::uint64_t& version = versions_[stream];
    commands::Command cmd;
    cmd.stream = stream;
    cmd.expected = version == 0 ? ExpectedVersion::NoStream() : ExpectedVersion::Exact(version);
    cmd.decided_on = std::move(decided_on);
    commands::CommandMeta meta;
    meta.actor = actor;
    meta.correlation_id = "req-" + rng_.Hex(16);
    // The generator knows every version it writes on: a conflict is a bug here.
    meta.on_conflict = commands::OnConflict::kRefuse;
    std::vector<RecordedEvent> local;
    std::vector<std::string> types;
    for (NewEvent& e : events) {
      e.data_text = e.data.dump();
      RecordedEvent r;
      r.position = ++local_position_;
      r.stream = stream;
      r.stream_version = ++version;
      r.type = e.type;
      r.schema_version = e.schema_version;
      r.recorded_at_ms = at;
      r.actor = actor;
      r.data = e.data_text;
      local.push_back(std::move(r));
      types.push_back(e.type);
    }
    if (idempotent) {
      meta.idempotency = commands::IdempotencyKey::For(actor.token_id, rng_.Hex(32),
                                                       "generated " + stream, local.front().data);
    }
    planned_ += events.size();
    cmd.events = std::move(events);
    Dispatch({std::move(meta), std::move(cmd), std::move(types), reads});
    return local;
  }

  struct Queued {
    commands::CommandMeta meta;
    commands::Command cmd;
    std::vector<std::string> types;
    std::vector<std::string> reads;
  };

  std::size_t Limit() const { return std::max<std::size_t>(1, options_.in_flight); }

  // Queues the append; sends what is ready. Blocks while the queue is full.
  void Dispatch(Queued q) {
    std::unique_lock lock(mu_);
    if (!error_.ok()) return;
    queue_.push_back(std::move(q));
    Pump(lock, [&] { return !error_.ok() || queue_.size() < Limit(); });
  }

  // Sends ready appends until done() holds, waiting for acknowledgements in
  // between. REQUIRES: lock holds mu_.
  template <typename Done>
  void Pump(std::unique_lock<std::mutex>& lock, Done done) {
    for (;;) {
      std::vector<Queued> ready = TakeReady();
      if (!ready.empty()) {
        lock.unlock();
        for (Queued& q : ready) Send(std::move(q));
        lock.lock();
        continue;
      }
      if (done()) return;
      cv_.wait(lock);
    }
  }

  // Removes from the queue, in order, every append whose stream and read
  // streams have nothing in flight and nothing queued before it, up to the
  // in-flight limit. A queued append also holds back later writes to the
  // streams it read, so its decided_on still holds when it is sent.
  // REQUIRES: mu_ held.
  std::vector<Queued> TakeReady() {
    std::vector<Queued> out;
    if (!error_.ok()) {
      queue_.clear();
      return out;
    }
    std::unordered_set<std::string> blocked;  // streams of appends still queued
    auto free = [&](const std::string& s) { return !busy_.count(s) && !blocked.count(s); };
    for (auto it = queue_.begin(); it != queue_.end() && in_flight_ < Limit();) {
      if (free(it->cmd.stream) && std::all_of(it->reads.begin(), it->reads.end(), free)) {
        ++busy_[it->cmd.stream];
        ++in_flight_;
        out.push_back(std::move(*it));
        it = queue_.erase(it);
      } else {
        blocked.insert(it->cmd.stream);
        blocked.insert(it->reads.begin(), it->reads.end());
        ++it;
      }
    }
    return out;
  }

  // Through the command service, as the server writes; the decision was
  // taken on the generator's local states, so deciding again gives the same.
  void Send(Queued q) {
    const std::string stream = q.cmd.stream;
    commands::Decide decide = [cmd = std::move(q.cmd),
                               decided = false]() mutable -> Result<commands::Command> {
      if (decided) {
        return Status(Code::kInternal, "the generator's decision on '" + cmd.stream +
                                           "' went stale (a stream it read moved on)");
      }
      decided = true;
      return cmd;
    };
    commands_.Execute(std::move(q.meta), std::move(decide),
                      [this, stream, types = std::move(q.types)](Result<commands::Written> r) {
                        std::lock_guard lock(mu_);
                        if (auto it = busy_.find(stream); it != busy_.end() && --it->second == 0)
                          busy_.erase(it);
                        --in_flight_;
                        if (!r.ok()) {
                          if (error_.ok()) {
                            error_ = Status(r.status().code(),
                                            "append to '" + stream + "': " + r.status().detail(),
                                            r.status().type());
                          }
                        } else {
                          ++stats_.appends;
                          stats_.events += types.size();
                          for (const auto& t : types) ++stats_.by_type[t];
                        }
                        cv_.notify_all();
                      });
  }

  bool Failed() {
    std::lock_guard lock(mu_);
    return !error_.ok();
  }

  // ---- setup: parties and tokens -------------------------------------------

  Actor IssueToken(const std::string& role, const std::string& party, const std::string& label,
                   const Actor& by, TimeMs at, Status& s) {
    access::IssueTokenCommand cmd{"tok_" + rng_.Hex(16), ToHex(Sha256("hoer_" + rng_.Hex(43))),
                                  role, party, label};
    auto e = access::DecideIssue(cmd, !party.empty());
    if (!e.ok()) {
      s = Bug("issue token", e.status());
      return {};
    }
    for (const auto& r :
         Write(access::kStream, {*e}, by, at,
               party.empty() ? std::vector<std::string>{}
                             : std::vector<std::string>{parties::StreamFor(party)})) {
      access_.Apply(r);
    }
    return {cmd.id, role, party};
  }

  Status Setup() {
    TimeMs at = kStartMs;
    Status s;
    admin_ = IssueToken("admin", "", "bootstrap admin", Actor{}, at, s);
    for (const PartySpec& p : kParties) {
      auto e = parties::DecideRegister(p.id, p.name, p.kind);
      if (!e.ok()) return Bug("register party", e.status());
      at += rng_.Between(1, 30) * kMinute;
      Write(parties::StreamFor(p.id), {*e}, admin_, at);
      party_ids_.push_back(p.id);
    }
    for (int i = 0; i < 2; ++i) {
      secretariat_.push_back(
          IssueToken("secretariat", "", "sekretariatet " + std::to_string(i + 1), admin_, at, s));
    }
    IssueToken("auditor", "", "revision", admin_, at, s);
    for (const PartySpec& p : kParties) {
      at += rng_.Between(1, 10) * kMinute;
      stakeholder_[p.id] = IssueToken("stakeholder", p.id, std::string(p.name), admin_, at, s);
    }
    // Tokens replaced later: two of four are revoked.
    std::vector<std::string> extra;
    for (int i = 0; i < 4; ++i) {
      extra.push_back(
          IssueToken("stakeholder", kParties[1 + i].id, "erstattet token", admin_, at, s).token_id);
    }
    if (!s.ok()) return s;
    for (int i = 0; i < 2; ++i) {
      auto e = access::DecideRevoke(access_, extra[i]);
      if (!e.ok()) return Bug("revoke token", e.status());
      for (const auto& r : Write(access::kStream, {*e}, admin_, at += kHour)) access_.Apply(r);
    }
    for (std::size_t i = 0; i < std::size(kAgreements); ++i) {
      auto a = std::make_unique<AgreementSim>();
      a->index = i;
      a->spec = &kAgreements[i];
      a->now = kStartMs + static_cast<TimeMs>(i) * 7 * kDay + kDay;
      a->parties.push_back(kParties[0].id);
      for (std::size_t m = 0; m < a->spec->municipalities && m < kMunicipalities; ++m) {
        a->parties.push_back(kParties[1 + m].id);
      }
      if (a->spec->practice) a->parties.push_back("plo-midtjylland");
      agreements_.push_back(std::move(a));
    }
    return Status::Ok();
  }

  const Actor& Secretariat() { return secretariat_[rng_.Below(secretariat_.size())]; }

  // ---- main loop ----------------------------------------------------------

  Status MainLoop() {
    const std::uint64_t damage_every = std::max<std::uint64_t>(500, options_.events / 30);
    std::uint64_t next_damage = damage_every / 2;
    int damage_kind = 0;
    while (planned_ < options_.events) {
      if (Failed()) return Status::Ok();  // Run() reports the store's error
      Status s;
      if (options_.damaged && planned_ >= next_damage) {
        s = Damage(damage_kind++);
        next_damage += damage_every;
      } else if (!decisions_.empty() && rng_.Chance(0.003)) {
        s = FulfilCondition();
      } else {
        s = Step(*agreements_[rng_.Below(agreements_.size())]);
      }
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Step(AgreementSim& a) {
    switch (a.phase) {
      case Phase::kCreate:
        return Create(a);
      case Phase::kDraft: {
        Status s = (a.round == 1) ? InitialText(a) : Change(a, {}, rng_.Between(1, 6));
        if (s.ok() && --a.todo <= 0) a.phase = Phase::kPublishDraft;
        return s;
      }
      case Phase::kPublishDraft:
        return Publish(a, "høringsudkast " + std::to_string(a.round), Phase::kOpen);
      case Phase::kOpen:
        return Open(a);
      case Phase::kConsult:
        return Consult(a);
      case Phase::kLate:
        return Late(a);
      case Phase::kProcess:
        return Process(a);
      case Phase::kPublishFinal:
        return Publish(a, "vedtaget " + std::to_string(a.round), Phase::kDecide);
      case Phase::kDecide:
        return Decide(a);
    }
    return Status::Ok();
  }

  // ---- agreements -----------------------------------------------------------

  void ApplyAgreement(AgreementSim& a, const std::vector<RecordedEvent>& events) {
    for (const auto& r : events) {
      Status s = a.state.Apply(r);
      if (!s.ok() && local_error_.ok()) local_error_ = Bug("fold agreement", s);
    }
  }

  Status Create(AgreementSim& a) {
    ag::CreateAgreement cmd;
    cmd.id = a.spec->id;
    cmd.title = a.spec->title;
    if (a.spec->subtitle) cmd.subtitle = a.spec->subtitle;
    cmd.term.entry_into_force = a.spec->entry_into_force;
    cmd.term.years = a.spec->years;
    cmd.parties = a.parties;
    auto events = ag::DecideCreate(a.state, cmd, [](const std::string&) { return true; });
    if (!events.ok()) return Bug("create agreement", events.status());
    ApplyAgreement(a, Write(ag::StreamFor(cmd.id), *events, Secretariat(), a.now));
    a.phase = Phase::kDraft;
    a.todo = static_cast<int>(rng_.Between(4, 6));
    return local_error_;
  }

  // Records one change set of `ops` (validated and normalised by DecideChange).
  Status Record(AgreementSim& a, std::vector<ag::Op> ops, std::vector<ag::Cite> cites,
                std::string rationale, const std::vector<std::string>& reads = {}) {
    ag::RecordChange cmd;
    cmd.rationale = std::move(rationale);
    cmd.cites = std::move(cites);
    cmd.ops = std::move(ops);
    auto events = ag::DecideChange(a.state, std::move(cmd));
    if (!events.ok()) return Bug("change set on " + std::string(a.spec->id), events.status());
    a.now += rng_.Between(10, 600) * kMinute;
    ApplyAgreement(a, Write(ag::StreamFor(a.spec->id), *events, Secretariat(), a.now, reads));
    return local_error_;
  }

  // An add of a new section of `kind` under `parent`, with the id the server
  // would generate (given explicitly, so later ops of the set can use it).
  ag::Op AddOp(const ag::SectionTree& tree, const ag::IdSet& used, ag::IdSet& taken,
               ag::SectionKind kind, const std::string& parent) {
    ag::Op op;
    op.type = ag::OpType::kAdd;
    op.kind = std::string(ag::KindName(kind));
    op.heading = Heading(rng_, kind);
    op.id = ag::GenerateSectionId(*op.heading, tree, used, &taken);
    taken.insert(op.id);
    op.body = SectionBody(rng_);
    op.place.parent = parent;
    if (rng_.Chance(0.2) && !tree.Children(parent).empty()) op.place.after = "";
    return op;
  }

  // Keeps `op` when it applies to `work` (the text as left by the ops so far).
  bool TryOp(ag::SectionTree& work, const ag::IdSet& used, std::vector<ag::Op>& ops, ag::Op op) {
    ag::SectionTree copy = work;
    std::vector<ag::Op> one{op};
    if (!ag::ApplyOps(copy, one, used, ag::ApplyMode::kValidate).ok()) return false;
    work = std::move(copy);
    ops.push_back(std::move(op));
    return true;
  }

  Status InitialText(AgreementSim& a) {
    const ag::SectionTree& text = a.state.text();
    const ag::IdSet& used = a.state.used_ids();
    ag::SectionTree work = text;
    ag::IdSet taken;
    std::vector<ag::Op> ops;
    if (text.empty()) {
      std::vector<std::size_t> order(std::size(kChapters));
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      rng_.Shuffle(order);
      order.resize(rng_.Between(5, 7));
      for (std::size_t i : order) {
        ag::Op op = AddOp(work, used, taken, ag::SectionKind::kChapter, "");
        op.heading = kChapters[i];
        taken.erase(op.id);
        op.id = ag::GenerateSectionId(*op.heading, work, used, &taken);
        taken.insert(op.id);
        op.place.after.reset();
        TryOp(work, used, ops, op);
      }
      if (work.Children("").empty()) return Bug("initial text", Status(Code::kInternal, "empty"));
      const std::string first = work.Children("").front();
      TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kVision, first));
      TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kText, first));
    } else {
      for (int k = 0; k < 2; ++k) {
        const std::string chapter = rng_.Pick(work.Children(""));
        ag::Op focus = AddOp(work, used, taken, ag::SectionKind::kFocusArea, chapter);
        if (!TryOp(work, used, ops, focus)) continue;
        for (std::int64_t i = 0, n = rng_.Between(2, 3); i < n; ++i) {
          ag::Op objective = AddOp(work, used, taken, ag::SectionKind::kObjective, focus.id);
          if (!TryOp(work, used, ops, objective)) continue;
          for (std::int64_t j = 0, m = rng_.Between(0, 2); j < m; ++j) {
            TryOp(work, used, ops,
                  AddOp(work, used, taken, ag::SectionKind::kIndicator, objective.id));
          }
        }
        if (rng_.Chance(0.3)) {
          TryOp(work, used, ops, AddOp(work, used, taken, ag::SectionKind::kPrinciple, chapter));
        }
      }
    }
    return Record(a, std::move(ops), {}, "Første udkast: " + Sentence(rng_));
  }

  std::vector<std::string> AllIds(const ag::SectionTree& t) {
    std::vector<std::string> ids;
    t.Walk([&](const ag::Section& s, std::size_t) { ids.push_back(s.id); });
    return ids;
  }

  std::size_t Height(const ag::SectionTree& t, const std::string& id) {
    std::size_t h = 0;
    for (const auto& c : t.Children(id)) h = std::max(h, Height(t, c));
    return h + 1;
  }

  // A random valid op on `work`, or nullopt after a few failed tries.
  std::optional<ag::Op> RandomOp(ag::SectionTree& work, const ag::IdSet& used, ag::IdSet& taken,
                                 const std::string& focus_section) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      std::vector<std::string> ids = AllIds(work);
      if (ids.empty()) return std::nullopt;
      // Half of the ops of a change set citing a point edit the point's section.
      const bool edit_focus =
          !focus_section.empty() && work.Contains(focus_section) && rng_.Chance(0.5);
      const double r = edit_focus ? 0.5 : static_cast<double>(rng_.Below(1000)) / 1000.0;
      const double add_share = work.size() > 120 ? 0.1 : 0.35;
      ag::Op op;
      if (r < add_share) {
        const std::string parent = rng_.Pick(ids);
        if (work.Depth(parent) >= ag::kMaxDepth) continue;
        ag::SectionKind kind = ag::SectionKind::kText;
        switch (work.Find(parent)->kind) {
          case ag::SectionKind::kChapter:
            kind = rng_.Chance(0.7) ? ag::SectionKind::kFocusArea : ag::SectionKind::kPrinciple;
            break;
          case ag::SectionKind::kFocusArea:
            kind = ag::SectionKind::kObjective;
            break;
          case ag::SectionKind::kObjective:
            kind = ag::SectionKind::kIndicator;
            break;
          default:
            break;
        }
        op = AddOp(work, used, taken, kind, parent);
      } else if (r < 0.8) {
        op.type = ag::OpType::kEdit;
        op.id = edit_focus ? focus_section : rng_.Pick(ids);
        const ag::Section* s = work.Find(op.id);
        if (rng_.Chance(0.8)) {
          // Keep most of the body, add or replace a paragraph: what editors do.
          std::string body = s->body;
          if (!body.empty() && rng_.Chance(0.5)) body = body.substr(0, body.find("\n\n"));
          op.body = (body.empty() ? "" : body + "\n\n") + Paragraph(rng_, 1, 3);
        } else {
          op.heading = Heading(rng_, s->kind);
        }
      } else if (r < 0.9) {
        op.type = ag::OpType::kMove;
        op.id = rng_.Pick(ids);
        const ag::Section* s = work.Find(op.id);
        if (s->kind == ag::SectionKind::kChapter) {
          op.place.parent = "";
        } else {
          op.place.parent = rng_.Pick(ids);
          if (work.IsSelfOrDescendant(op.place.parent, op.id)) continue;
          if (work.Depth(op.place.parent) + Height(work, op.id) > ag::kMaxDepth) continue;
        }
        if (rng_.Chance(0.3)) op.place.after = "";
      } else {
        if (work.size() < 30) continue;
        op.type = ag::OpType::kRemove;
        op.id = rng_.Pick(ids);
        if (Height(work, op.id) > 2) continue;
      }
      std::vector<ag::Op> ops;
      if (TryOp(work, used, ops, op)) return ops.front();
    }
    return std::nullopt;
  }

  Status Change(AgreementSim& a, std::vector<ag::Cite> cites, std::int64_t n_ops,
                const std::string& focus_section = "", const std::vector<std::string>& reads = {}) {
    ag::SectionTree work = a.state.text();
    ag::IdSet taken;
    std::vector<ag::Op> ops;
    for (std::int64_t i = 0; i < n_ops || ops.empty(); ++i) {
      if (auto op = RandomOp(work, a.state.used_ids(), taken, focus_section)) {
        ops.push_back(std::move(*op));
      } else if (i > n_ops + 10) {
        return Bug("change set", Status(Code::kInternal, "no valid op found"));
      }
    }
    std::string rationale = cites.empty() ? "Redaktionel bearbejdning: " + Sentence(rng_)
                                          : "Ændret på baggrund af høringssvar: " + Sentence(rng_);
    return Record(a, std::move(ops), std::move(cites), std::move(rationale), reads);
  }

  Status Publish(AgreementSim& a, const std::string& label, Phase next) {
    ag::PublishVersion cmd{label, std::nullopt};
    if (rng_.Chance(0.5)) cmd.note = Sentence(rng_);
    auto events = ag::DecidePublish(a.state, cmd);
    if (!events.ok()) {
      if (events.status().type() == "nothing-to-publish") return Change(a, {}, 1);
      return Bug("publish", events.status());
    }
    a.now += rng_.Between(1, 5) * kDay;
    ApplyAgreement(a, Write(ag::StreamFor(a.spec->id), *events, Secretariat(), a.now));
    a.phase = next;
    if (next == Phase::kDecide) {
      std::vector<std::string> bodies;
      for (const auto& p : a.parties) {
        if (p != "plo-midtjylland") bodies.push_back(p);
      }
      rng_.Shuffle(bodies);
      bodies.resize(std::min<std::size_t>(bodies.size(), rng_.Between(2, 6)));
      a.bodies = std::move(bodies);
      a.todo = static_cast<int>(a.bodies.size());
      a.obligation_todo = true;
    }
    return local_error_;
  }

  // ---- consultations --------------------------------------------------------

  std::string ConsultationStreamOf(const AgreementSim& a) {
    return cs::ConsultationStream(a.consultation);
  }

  Status ApplyConsultation(AgreementSim& a, const std::vector<RecordedEvent>& events) {
    for (const auto& r : events) {
      if (Status s = a.cons.Apply(r); !s.ok()) return Bug("fold consultation", s);
    }
    return Status::Ok();
  }

  Status Open(AgreementSim& a) {
    cs::OpenConsultation cmd;
    cmd.id = std::string(a.spec->id) + "-hoering-" + std::to_string(a.round);
    cmd.agreement = a.spec->id;
    cmd.version = std::to_string(a.state.versions().size());
    cmd.title = "Høring over " + std::string(a.spec->title) + ", udkast " + std::to_string(a.round);
    a.now += rng_.Between(1, 3) * kDay;
    cmd.opens_at = a.now;
    cmd.closes_at = a.now + rng_.Between(28, 56) * kDay;
    cmd.invited = a.parties;
    for (std::size_t i = 1 + kMunicipalities + 1; i < std::size(kParties); ++i) {
      if (rng_.Chance(0.6)) cmd.invited.push_back(kParties[i].id);
    }
    cmd.time_zone = "Europe/Copenhagen";
    a.consultation = cmd.id;
    a.cons = cs::ConsultationState();
    auto events = cs::DecideOpen(a.cons, cmd, &a.state, [](const std::string&) { return true; });
    if (!events.ok()) return Bug("open consultation", events.status());
    if (Status s = ApplyConsultation(a, Write(ConsultationStreamOf(a), *events, Secretariat(),
                                              a.now, {ag::StreamFor(a.spec->id)}));
        !s.ok()) {
      return s;
    }
    a.consulted = std::make_shared<const ag::SectionTree>(a.state.text());
    a.consulted_ids = AllIds(*a.consulted);
    a.invited = cmd.invited;
    a.responses.clear();
    a.pending.clear();
    a.disposed.clear();
    a.round_changes.clear();
    a.target = rng_.Between(100, 400);
    a.step = (cmd.closes_at - cmd.opens_at) / static_cast<TimeMs>(a.target * 8 / 5);
    a.phase = Phase::kConsult;
    return Status::Ok();
  }

  // Content of a response for `party`: 1-5 points, most anchored to sections
  // of the consulted text, some quoting it.
  cs::ResponseContent Content(AgreementSim& a, const std::string& party) {
    cs::ResponseContent c;
    c.party = party;
    c.author.name = std::string(rng_.Pick(kFirstNames)) + " " + rng_.Pick(kLastNames);
    if (rng_.Chance(0.7)) c.author.email = "hoering." + rng_.Hex(6) + "@" + party + ".dk";
    if (rng_.Chance(0.7)) c.summary = Paragraph(rng_, 1, 3);
    static const int kPointCounts[] = {1, 1, 2, 2, 2, 3, 3, 4, 5};
    for (int i = 0, n = rng_.Pick(kPointCounts); i < n; ++i) c.points.push_back(Point(a));
    static const cs::Publication kPublications[] = {
        cs::Publication::kPublic, cs::Publication::kPublic, cs::Publication::kAnonymous,
        cs::Publication::kPrivate};
    c.publication = rng_.Pick(kPublications);
    return c;
  }

  cs::Point Point(AgreementSim& a) {
    cs::Point p;
    p.text = PointText(rng_);
    if (!a.consulted_ids.empty() && rng_.Chance(0.85)) {
      p.section = rng_.Pick(a.consulted_ids);
      const ag::Section* s = a.consulted->Find(*p.section);
      if (s != nullptr && rng_.Chance(0.25)) {
        // A few consecutive words of the body (or the heading).
        const std::string& src = s->body.empty() ? s->heading : s->body;
        std::vector<std::string> words;
        std::string w;
        for (char ch : src) {
          if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (!w.empty()) words.push_back(std::move(w));
            w.clear();
          } else {
            w.push_back(ch);
          }
        }
        if (!w.empty()) words.push_back(std::move(w));
        if (words.size() >= 3) {
          const std::size_t len = std::min<std::size_t>(words.size(), rng_.Between(3, 10));
          const std::size_t from = rng_.Below(words.size() - len + 1);
          std::string q;
          for (std::size_t i = from; i < from + len; ++i) q += (q.empty() ? "" : " ") + words[i];
          p.quote = q;
        }
      }
    }
    return p;
  }

  // An attachment of a submission: a stored one (sometimes the same file
  // again) or a new one, stored first in "attachment-<sha256>".
  cs::AttachmentRef Attachment(const std::string& party, const Actor& actor, TimeMs at,
                               std::vector<std::string>& reads) {
    if (!attachments_.empty() && rng_.Chance(0.25)) {
      cs::AttachmentRef ref = rng_.Pick(attachments_);
      reads.push_back(cs::AttachmentStream(ref.sha256));
      return ref;
    }
    cs::AttachmentRef ref;
    std::string bytes;
    switch (rng_.Below(3)) {
      case 0:
        ref.media_type = "text/plain";
        ref.filename = "bilag-" + party + ".txt";
        bytes = "Bilag til høringssvar\n\n" + Paragraph(rng_, 2, 8) + "\n";
        break;
      case 1:
        ref.media_type = "text/csv";
        ref.filename = "data-" + party + ".csv";
        bytes = "indikator;2023;2024\n";
        for (std::int64_t i = 0, n = rng_.Between(3, 12); i < n; ++i) {
          bytes += std::string(rng_.Pick(kIndicators)) + ";" + std::to_string(rng_.Below(500)) +
                   ";" + std::to_string(rng_.Below(500)) + "\n";
        }
        break;
      default:
        ref.media_type = "application/pdf";
        ref.filename = "notat-" + party + ".pdf";
        bytes = "%PDF-1.4\n% " + rng_.Hex(32) +
                "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        break;
    }
    ref.size = bytes.size();
    ref.sha256 = ToHex(Sha256(bytes));
    Write(cs::AttachmentStream(ref.sha256),
          {cs::ToEvent(cs::AttachmentStored{ref.sha256, ref.media_type, ref.size, Base64(bytes)})},
          actor, at);
    reads.push_back(cs::AttachmentStream(ref.sha256));
    attachments_.push_back(ref);
    return ref;
  }

  // A new response; `late`: recorded by the secretariat after the deadline.
  Status Submit(AgreementSim& a, bool late) {
    const std::string party =
        rng_.Chance(0.9) ? rng_.Pick(a.invited) : std::string(rng_.Pick(kParties).id);
    auto sim = std::make_unique<ResponseSim>();
    sim->id = "r-" + rng_.Hex(16);
    if (late || rng_.Chance(0.15)) {
      sim->actor = Secretariat();
    } else {
      sim->actor = stakeholder_[party];
      sim->who.stakeholder_party = party;
    }
    cs::Submission cmd;
    cmd.content = Content(a, party);
    if (late) {
      if (rng_.Chance(0.5)) {
        cmd.accept_late = "Modtaget efter fristen; accepteret af sekretariatet";
      } else {
        cmd.received_at = a.cons.EffectiveClose() - rng_.Between(1, 48) * kHour;
      }
    }
    std::vector<std::string> reads{ConsultationStreamOf(a)};
    if (rng_.Chance(0.06)) {
      for (std::int64_t i = 0, n = rng_.Between(1, 2); i < n; ++i) {
        cmd.content.attachments.push_back(Attachment(party, sim->actor, a.now, reads));
      }
    }
    auto write = cs::DecideSubmit(a.cons, *a.consulted, sim->who, cmd, sim->id, a.now,
                                  [](const std::string&) { return true; });
    if (!write.ok() && write.status().type() == "quote-not-found") {
      for (auto& p : cmd.content.points) p.quote.reset();
      write = cs::DecideSubmit(a.cons, *a.consulted, sim->who, cmd, sim->id, a.now,
                               [](const std::string&) { return true; });
    }
    if (!write.ok()) return Bug("submit", write.status());
    for (const auto& r : Write(cs::ResponseStream(sim->id), write->events, sim->actor, a.now, reads,
                               rng_.Chance(0.5), write->decided_on)) {
      if (Status s = sim->state.Apply(r); !s.ok()) return Bug("fold response", s);
    }
    a.responses.push_back(std::move(sim));
    return Status::Ok();
  }

  ResponseSim* LiveResponse(AgreementSim& a) {
    for (int i = 0; i < 5 && !a.responses.empty(); ++i) {
      ResponseSim* r = rng_.Pick(a.responses).get();
      if (!r->state.withdrawn()) return r;
    }
    return nullptr;
  }

  Status ApplyResponse(ResponseSim& r, const std::vector<RecordedEvent>& events) {
    for (const auto& e : events) {
      if (Status s = r.state.Apply(e); !s.ok()) return Bug("fold response", s);
    }
    return Status::Ok();
  }

  Status Amend(AgreementSim& a, ResponseSim& r) {
    cs::Submission cmd;
    cmd.content = r.state.current().content;
    const double x = static_cast<double>(rng_.Below(100)) / 100.0;
    if (x < 0.5) {
      cmd.content.points[rng_.Below(cmd.content.points.size())].text = PointText(rng_);
    } else if (x < 0.8 && cmd.content.points.size() < 5) {
      cmd.content.points.push_back(Point(a));
    } else if (cmd.content.points.size() > 1) {
      cmd.content.points.pop_back();
    } else {
      cmd.content.summary = Paragraph(rng_, 1, 3);
    }
    auto write = cs::DecideAmend(a.cons, *a.consulted, r.state.decision(), r.who, cmd, a.now);
    if (!write.ok()) return Bug("amend", write.status());
    return ApplyResponse(r, Write(cs::ResponseStream(r.id), write->events, r.actor, a.now,
                                  {ConsultationStreamOf(a)}, rng_.Chance(0.5), write->decided_on));
  }

  Status Withdraw(AgreementSim& a, ResponseSim& r) {
    std::optional<std::string> reason;
    if (rng_.Chance(0.6)) reason = "Erstattes af et fælles høringssvar";
    auto write = cs::DecideWithdraw(a.cons, r.state.decision(), r.who, reason, a.now);
    if (!write.ok()) return Bug("withdraw", write.status());
    return ApplyResponse(r, Write(cs::ResponseStream(r.id), write->events, r.actor, a.now,
                                  {ConsultationStreamOf(a)}, false, write->decided_on));
  }

  Status Consult(AgreementSim& a) {
    a.now += a.step / 2 + static_cast<TimeMs>(rng_.Below(static_cast<std::uint64_t>(a.step) + 1));
    const bool rule = (a.round + static_cast<int>(a.index)) % 2 == 1;
    if (a.cons.PhaseAt(a.now) == cs::Phase::kClosed || a.responses.size() >= a.target) {
      if (rule && a.cons.PhaseAt(a.now) == cs::Phase::kOpen) {
        std::optional<std::string> reason;
        if (rng_.Chance(0.5)) reason = "Alle inviterede parter har svaret";
        auto events = cs::DecideClose(a.cons, reason);
        if (!events.ok()) return Bug("close", events.status());
        if (Status s =
                ApplyConsultation(a, Write(ConsultationStreamOf(a), *events, Secretariat(), a.now));
            !s.ok()) {
          return s;
        }
      } else {
        a.now = std::max(a.now, a.cons.closes_at() + rng_.Between(1, 12) * kHour);
      }
      a.phase = Phase::kLate;
      a.late_todo = (a.round + static_cast<int>(a.index)) % 4 == 0 ? rng_.Between(1, 3) : 0;
      return Status::Ok();
    }
    if ((a.round + static_cast<int>(a.index)) % 3 == 0 && a.cons.extensions().empty() &&
        a.responses.size() * 10 >= a.target * 7) {
      cs::ExtendDeadline cmd{a.cons.closes_at() + rng_.Between(7, 21) * kDay,
                             "Forlænget efter ønske fra " + std::string(rng_.Pick(kParties).name)};
      auto events = cs::DecideExtend(a.cons, cmd, a.now);
      if (!events.ok()) return Bug("extend", events.status());
      a.target += a.target / 4;
      return ApplyConsultation(a, Write(ConsultationStreamOf(a), *events, Secretariat(), a.now));
    }
    const std::uint64_t r = rng_.Below(100);
    if (r >= 68 && r < 90) {
      if (ResponseSim* x = LiveResponse(a)) return Amend(a, *x);
    } else if (r >= 90 && r < 95) {
      if (ResponseSim* x = LiveResponse(a)) return Withdraw(a, *x);
    }
    return Submit(a, false);
  }

  Status Late(AgreementSim& a) {
    if (a.late_todo > 0) {
      --a.late_todo;
      a.now += rng_.Between(1, 24) * kHour;
      return Submit(a, true);
    }
    for (std::size_t i = 0; i < a.responses.size(); ++i) {
      const auto& st = a.responses[i]->state;
      if (st.withdrawn()) continue;
      for (std::uint32_t p = 1; p <= st.current().content.points.size(); ++p) {
        if (rng_.Chance(0.85)) a.pending.emplace_back(i, p);  // some points get none
      }
    }
    rng_.Shuffle(a.pending);
    a.pending_total = a.pending.size();
    a.changes_planned = static_cast<int>(rng_.Between(2, 5));
    a.changes_done = 0;
    a.phase = Phase::kProcess;
    return Status::Ok();
  }

  Status Dispose(AgreementSim& a, std::size_t ri, std::uint32_t point) {
    ResponseSim& r = *a.responses[ri];
    static const cs::Outcome kOutcomes[] = {
        cs::Outcome::kAccepted,    cs::Outcome::kPartiallyAccepted,
        cs::Outcome::kNotAccepted, cs::Outcome::kNoted,
        cs::Outcome::kNoted,       cs::Outcome::kOutOfScope};
    cs::RecordDisposition cmd;
    cmd.outcome = rng_.Pick(kOutcomes);
    cmd.rationale =
        std::string(rng_.Pick(kOpeners)) + " " + rng_.Pick(kObjects) + ". " + Paragraph(rng_, 1, 2);
    std::vector<std::string> reads;
    if ((cmd.outcome == cs::Outcome::kAccepted || cmd.outcome == cs::Outcome::kPartiallyAccepted) &&
        !a.round_changes.empty() && rng_.Chance(0.7)) {
      cmd.changes.push_back(rng_.Pick(a.round_changes));
      reads.push_back(ag::StreamFor(a.spec->id));
    }
    auto events = cs::DecideDisposition(r.state.decision(), point, cmd, a.state);
    if (!events.ok()) return Bug("disposition", events.status());
    a.now += rng_.Between(5, 120) * kMinute;
    return ApplyResponse(r, Write(cs::ResponseStream(r.id), *events, Secretariat(), a.now, reads));
  }

  Status Process(AgreementSim& a) {
    const std::size_t disposed = a.pending_total - a.pending.size();
    const bool change_due =
        a.changes_done < a.changes_planned &&
        (a.pending.empty() || disposed * static_cast<std::size_t>(a.changes_planned) >=
                                  static_cast<std::size_t>(a.changes_done) * a.pending_total);
    if (change_due) {
      ++a.changes_done;
      std::vector<ag::Cite> cites;
      std::vector<std::string> reads;
      std::string focus;
      std::set<std::pair<std::string, std::string>> seen;
      for (std::int64_t i = 0, n = rng_.Between(1, 3); i < n && a.pending_total > 0; ++i) {
        const auto& [ri, point] = a.pending.empty() ? rng_.Pick(a.disposed) : rng_.Pick(a.pending);
        const ResponseSim& r = *a.responses[ri];
        if (!seen.insert({r.id, std::to_string(point)}).second) continue;
        cites.push_back({r.id, std::to_string(point)});
        reads.push_back(cs::ResponseStream(r.id));
        const auto& section = r.state.current().content.points[point - 1].section;
        if (focus.empty() && section) focus = *section;
      }
      const std::string change = a.state.NextChangeId();
      Status s = Change(a, std::move(cites), rng_.Between(1, 4), focus, reads);
      if (s.ok()) a.round_changes.push_back(change);
      return s;
    }
    if (!a.disposed.empty() && rng_.Chance(0.08)) {
      const auto [ri, point] = rng_.Pick(a.disposed);
      return Dispose(a, ri, point);  // re-recorded: the latest counts
    }
    if (!a.pending.empty()) {
      const auto [ri, point] = a.pending.back();
      a.pending.pop_back();
      a.disposed.emplace_back(ri, point);
      return Dispose(a, ri, point);
    }
    a.phase = Phase::kPublishFinal;
    return Status::Ok();
  }

  // ---- decisions ------------------------------------------------------------

  Status Decide(AgreementSim& a) {
    a.now += rng_.Between(1, 10) * kDay;
    if (a.todo > 0) {
      const bool first = a.todo == static_cast<int>(a.bodies.size());
      const std::string party = a.bodies[--a.todo];
      const bool region = party == kParties[0].id;
      dc::RecordDecision cmd;
      dc::DecisionRecorded& d = cmd.decision;
      d.id = party + "-" + std::to_string(++decision_counter_);
      d.body = {region ? "Regionsrådet" : (party.size() % 2 ? "Byrådet" : "Kommunalbestyrelsen"),
                party};
      d.meeting_date = Date(a.now);
      if (rng_.Chance(0.6)) d.case_ref = "sag-" + rng_.Hex(6);
      d.subject.agreement = a.spec->id;
      cmd.version_selector = std::to_string(a.state.versions().size());
      static const dc::Outcome kOutcomes[] = {
          dc::Outcome::kApproved, dc::Outcome::kApproved,
          dc::Outcome::kApproved, dc::Outcome::kApprovedWithConditions,
          dc::Outcome::kRejected, dc::Outcome::kPostponed,
          dc::Outcome::kNoted};
      d.outcome = first ? dc::Outcome::kApprovedWithConditions : rng_.Pick(kOutcomes);
      d.final_for_party = d.outcome != dc::Outcome::kPostponed && d.outcome != dc::Outcome::kNoted;
      if (d.outcome == dc::Outcome::kApprovedWithConditions) {
        for (std::uint32_t n = 1, m = static_cast<std::uint32_t>(rng_.Between(1, 3)); n <= m; ++n) {
          d.conditions.push_back({n,
                                  "Det forudsættes, at " + std::string(rng_.Pick(kObjects)) +
                                      " indgår i den første handleplan.",
                                  rng_.Pick(a.parties),
                                  Date(a.now + rng_.Between(90, 365) * kDay)});
        }
      }
      for (std::int64_t i = 0, n = rng_.Between(0, 2); i < n; ++i) {
        d.recommendations.push_back(Sentence(rng_));
      }
      std::vector<std::string> reads{ag::StreamFor(a.spec->id)};
      if (!a.consultation.empty()) {
        d.basis_consultations.push_back(a.consultation);
        reads.push_back(ConsultationStreamOf(a));
      }
      for (std::int64_t i = 0, n = rng_.Between(0, 4); i < n && !a.responses.empty(); ++i) {
        const std::string& rid = rng_.Pick(a.responses)->id;
        if (std::find(d.basis_responses.begin(), d.basis_responses.end(), rid) ==
            d.basis_responses.end()) {
          d.basis_responses.push_back(rid);
          reads.push_back(cs::ResponseStream(rid));
        }
      }
      if (rng_.Chance(0.3)) {
        d.absent.push_back(std::string(rng_.Pick(kFirstNames)) + " " + rng_.Pick(kLastNames));
      }
      if (rng_.Chance(0.3)) d.note = Sentence(rng_);
      auto events = dc::DecideRecord(false, cmd, &a.state, {});
      if (!events.ok()) return Bug("record decision", events.status());
      auto local = Write(dc::DecisionStream(d.id), *events, Secretariat(), a.now, reads);
      auto rec = dc::DecisionRecordedFromJson(json::parse(local.front().data));
      if (!rec.ok()) return Bug("read decision", rec.status());
      if (!rec->conditions.empty()) {
        DecisionSim sim;
        sim.info.data = *rec;
        sim.info.version = 1;
        for (const auto& c : rec->conditions) sim.open.push_back(c.n);
        sim_now_[d.id] = a.now;
        decisions_.push_back(std::move(sim));
      }
      return Status::Ok();
    }
    if (a.obligation_todo) {
      a.obligation_todo = false;
      std::set<std::string> keys;
      std::string next;
      for (const auto& o : dc::ObligationsOf(a.state.info().term)) {
        if (o.kind != "duty") continue;
        keys.insert(o.key);
        if (next.empty() && !a.obligations_done.count(o.key)) next = o.key;
      }
      if (!next.empty()) {
        auto events =
            dc::DecideObligationDone(a.spec->id, next, keys, a.obligations_done,
                                     "Behandlet på mødet " + Date(a.now) + ": " + Sentence(rng_));
        if (!events.ok()) return Bug("obligation", events.status());
        Write(dc::ObligationStream(a.spec->id), *events, Secretariat(), a.now,
              {ag::StreamFor(a.spec->id)});
        a.obligations_done.insert(next);
        return Status::Ok();
      }
    }
    // Next round: a few drafting change sets, then a new draft.
    ++a.round;
    a.phase = Phase::kDraft;
    a.todo = static_cast<int>(rng_.Between(1, 3));
    return Status::Ok();
  }

  Status FulfilCondition() {
    const std::size_t i = rng_.Below(decisions_.size());
    DecisionSim& d = decisions_[i];
    const std::size_t k = rng_.Below(d.open.size());
    const std::uint32_t n = d.open[k];
    TimeMs& at = sim_now_[d.info.data.id];
    at += rng_.Between(7, 120) * kDay;
    auto events = dc::DecideFulfil(d.info, n, "Opfyldt, jf. " + Sentence(rng_));
    if (!events.ok()) return Bug("fulfil", events.status());
    Write(dc::DecisionStream(d.info.data.id), *events, Secretariat(), at);
    d.info.fulfilled[n] = dc::Fulfilment{};
    ++d.info.version;
    d.open.erase(d.open.begin() + static_cast<std::ptrdiff_t>(k));
    if (d.open.empty()) {
      sim_now_.erase(d.info.data.id);
      decisions_.erase(decisions_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return Status::Ok();
  }

  // ---- damage ---------------------------------------------------------------

  AgreementSim* ExistingAgreement() {
    for (int i = 0; i < 20; ++i) {
      AgreementSim& a = *rng_.Pick(agreements_);
      if (a.state.exists()) return &a;
    }
    return nullptr;
  }

  NewEvent Raw(const char* type, json data) { return NewEvent{type, 1, std::move(data), {}}; }

  Status Damage(int kind) {
    const TimeMs at = kStartMs + static_cast<TimeMs>(planned_) * kMinute;
    const std::string n = std::to_string(++damage_counter_);
    AgreementSim* a = ExistingAgreement();
    switch (kind % 12) {
      case 0:  // a future event type in a live agreement stream
        if (a == nullptr) break;
        ApplyAgreement(*a, Write(ag::StreamFor(a->spec->id),
                                 {Raw("SectionCommentAdded",
                                      {{"agreement", a->spec->id}, {"comment", Sentence(rng_)}})},
                                 Secretariat(), a->now));
        return local_error_;
      case 1:  // a future event type in a live response stream
        if (a == nullptr || a->responses.empty()) break;
        {
          ResponseSim& r = *rng_.Pick(a->responses);
          return ApplyResponse(
              r, Write(cs::ResponseStream(r.id),
                       {Raw("ResponseFlagged", {{"response", r.id}, {"flag", "needs-review"}})},
                       Secretariat(), a->now));
        }
      case 2:  // a future event type in a party stream
        Write(parties::StreamFor(rng_.Pick(party_ids_)),
              {Raw("PartyRenamed", {{"name", "Nyt navn " + n}})}, admin_, at);
        return Status::Ok();
      case 3:  // a stream no view knows
        Write("maintenance", {Raw("MaintenanceNoted", {{"note", Sentence(rng_)}})}, admin_, at);
        return Status::Ok();
      case 4: {  // an agreement stream that cannot be folded
        const std::string id = "arkiv-aftale-" + n;
        ag::CreateAgreement cmd;
        cmd.id = id;
        cmd.title = "Arkiveret aftale " + n;
        auto created = ag::DecideCreate(ag::AgreementState(), cmd);
        if (!created.ok()) return Bug("create broken agreement", created.status());
        Write(ag::StreamFor(id), *created, Secretariat(), at);
        if (damage_counter_ % 2 == 0) {
          Write(ag::StreamFor(id),
                {Raw(ag::kChangeSetRecorded, {{"agreement", id},
                                              {"change", "c-1"},
                                              {"rationale", "defekt"},
                                              {"cites", json::array()},
                                              {"ops", "not-a-list"},
                                              {"source", "api"}})},
                Secretariat(), at);
        } else {  // a version whose hash is not the text's
          Write(ag::StreamFor(id),
                {ag::ToEvent(
                    ag::VersionPublished{id, 1, "udkast", std::nullopt, std::string(64, '0'), 0})},
                Secretariat(), at);
        }
        return Status::Ok();
      }
      case 5: {  // a response stream with malformed data
        const std::string rid = "r-" + rng_.Hex(16);
        const std::string consultation =
            (a != nullptr && !a->consultation.empty()) ? a->consultation : "ukendt";
        Write(cs::ResponseStream(rid),
              {Raw(cs::kResponseSubmitted, {{"response", rid},
                                            {"consultation", consultation},
                                            {"revision", 1},
                                            {"points", "se vedhæftede"}})},
              Secretariat(), at);
        return Status::Ok();
      }
      case 6:  // a consultation stream with malformed data
        Write(cs::ConsultationStream("arkiv-hoering-" + n),
              {Raw(cs::kConsultationOpened, {{"id", "arkiv-hoering-" + n},
                                             {"agreement", "ukendt"},
                                             {"closes_at", "næste tirsdag"}})},
              Secretariat(), at);
        return Status::Ok();
      case 7:  // a decision stream with malformed data
        Write(dc::DecisionStream("arkiv-beslutning-" + n),
              {Raw(dc::kDecisionRecorded, {{"id", "arkiv-beslutning-" + n}, {"outcome", "måske"}})},
              Secretariat(), at);
        return Status::Ok();
      case 8:  // a change set citing nothing valid
        if (a == nullptr) break;
        return Change(*a, {{"r-0000000000000000", "1"}, {"r-ffffffffffffffff", "42"}}, 1);
      case 9: {  // a disposition of a response that was never submitted
        const std::string rid = "r-" + rng_.Hex(16);
        Write(cs::ResponseStream(rid),
              {cs::ToEvent(cs::DispositionRecorded{
                  rid, "ukendt", 1, cs::Outcome::kNoted, "Uden høringssvar", {}})},
              Secretariat(), at);
        return Status::Ok();
      }
      case 10: {  // an attachment stream with malformed data
        const std::string sha = ToHex(Sha256("defekt " + n));
        Write(cs::AttachmentStream(sha),
              {Raw(cs::kAttachmentStored, {{"sha256", sha}, {"size", "stor"}})}, Secretariat(), at);
        return Status::Ok();
      }
      case 11:  // a party registration that is not an object
        Write(parties::StreamFor("arkiv-part-" + n),
              {Raw(parties::kPartyRegistered, json::array())}, admin_, at);
        return Status::Ok();
    }
    // Nothing to damage yet: a stream no view knows.
    Write("maintenance", {Raw("MaintenanceNoted", {{"note", Sentence(rng_)}})}, admin_, at);
    return Status::Ok();
  }

  EventStore& store_;
  commands::CommandService commands_;
  const HistoryOptions options_;
  Rng rng_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Queued> queue_;                   // decided, not yet sent, in order
  std::unordered_map<std::string, int> busy_;  // streams with appends in flight
  std::size_t in_flight_ = 0;
  Status error_;
  HistoryStats stats_;

  std::uint64_t planned_ = 0;  // events handed to the store
  std::uint64_t local_position_ = 0;
  std::unordered_map<std::string, std::uint64_t> versions_;  // stream versions written
  Status local_error_;

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

}  // namespace

Result<HistoryStats> AppendRandomHistory(EventStore& store, const HistoryOptions& options) {
  Generator g(store, options);
  return g.Run();
}

}  // namespace hoering::testdata
