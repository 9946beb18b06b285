// The random history's responses (generator.h): their content (points
// anchored to and quoting the consulted text), attachments, submissions,
// amendments and withdrawals.
#include <algorithm>

#include "domain/consultations/response_decide.h"
#include "domain/sha256.h"
#include "tests/support/base64.h"
#include "tests/support/random_history/generator.h"
#include "tests/support/random_history/prose.h"

namespace hoering::testdata::history {

// Content of a response for `party`: 1-5 points, most anchored to sections
// of the consulted text, some quoting it.
cs::ResponseContent Generator::Content(AgreementSim& a, const std::string& party) {
  cs::ResponseContent c;
  c.party = party;
  c.author.name = std::string(rng_.Pick(Words().first_names)) + " " + rng_.Pick(Words().last_names);
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

cs::Point Generator::Point(AgreementSim& a) {
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
cs::AttachmentRef Generator::Attachment(const std::string& party, const Actor& actor, TimeMs at,
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
        bytes += std::string(rng_.Pick(Words().indicators)) + ";" +
                 std::to_string(rng_.Below(500)) + ";" + std::to_string(rng_.Below(500)) + "\n";
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
  writer_.Write(cs::AttachmentStream(ref.sha256),
                {cs::ToEvent(cs::AttachmentStored{ref.sha256, ref.media_type, ref.size,
                                                  hoering::testing::Base64(bytes)})},
                actor, at);
  reads.push_back(cs::AttachmentStream(ref.sha256));
  attachments_.push_back(ref);
  return ref;
}

// A new response; `late`: recorded by the secretariat after the deadline.
Status Generator::Submit(AgreementSim& a, bool late) {
  const std::string party =
      rng_.Chance(0.9) ? rng_.Pick(a.invited) : std::string(rng_.Pick(Parties()).id);
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
  for (const auto& r : writer_.Write(cs::ResponseStream(sim->id), write->events, sim->actor, a.now,
                                     reads, rng_.Chance(0.5), write->decided_on)) {
    if (Status s = sim->state.Apply(r); !s.ok()) return Bug("fold response", s);
  }
  a.responses.push_back(std::move(sim));
  return Status::Ok();
}

ResponseSim* Generator::LiveResponse(AgreementSim& a) {
  for (int i = 0; i < 5 && !a.responses.empty(); ++i) {
    ResponseSim* r = rng_.Pick(a.responses).get();
    if (!r->state.withdrawn()) return r;
  }
  return nullptr;
}

Status Generator::ApplyResponse(ResponseSim& r, const std::vector<RecordedEvent>& events) {
  for (const auto& e : events) {
    if (Status s = r.state.Apply(e); !s.ok()) return Bug("fold response", s);
  }
  return Status::Ok();
}

Status Generator::Amend(AgreementSim& a, ResponseSim& r) {
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
  return ApplyResponse(
      r, writer_.Write(cs::ResponseStream(r.id), write->events, r.actor, a.now,
                       {ConsultationStreamOf(a)}, rng_.Chance(0.5), write->decided_on));
}

Status Generator::Withdraw(AgreementSim& a, ResponseSim& r) {
  std::optional<std::string> reason;
  if (rng_.Chance(0.6)) reason = "Erstattes af et fælles høringssvar";
  auto write = cs::DecideWithdraw(a.cons, r.state.decision(), r.who, reason, a.now);
  if (!write.ok()) return Bug("withdraw", write.status());
  return ApplyResponse(r, writer_.Write(cs::ResponseStream(r.id), write->events, r.actor, a.now,
                                        {ConsultationStreamOf(a)}, false, write->decided_on));
}

}  // namespace hoering::testdata::history
