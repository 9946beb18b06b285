#include "domain/consultations/consultation_json.h"

namespace hoering::consultations {

using nlohmann::json;

namespace {

json Nullable(const std::optional<std::string>& s) {
  return s ? json(*s) : json();
}

json ActorJson(const Actor& a) {
  return {{"token_id", a.token_id}, {"role", a.role}, {"party", a.party}};
}

json PointsJson(const ResponseContent& c, const ResponseState* r, const CitedBy& cited_by) {
  json points = json::array();
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    const auto n = static_cast<std::uint32_t>(i + 1);
    json p = PointJson(c.points[i], n);
    if (!p.contains("section")) p["section"] = nullptr;
    if (!p.contains("quote")) p["quote"] = nullptr;
    if (r != nullptr) {
      const DispositionInfo* d = r->CurrentDisposition(n);
      p["disposition"] = d ? DispositionJson(*d) : json();
      p["cited_by"] = cited_by ? json(cited_by(n)) : json::array();
    }
    points.push_back(std::move(p));
  }
  return points;
}

json AttachmentsJson(const ResponseContent& c) {
  json out = json::array();
  for (const auto& a : c.attachments) out.push_back(AttachmentRefJson(a));
  return out;
}

}  // namespace

json ConsultationJson(const ConsultationState& c, TimeMs now, const ResponseCounts& responses) {
  const ConsultationOpened& i = c.info();
  json extensions = json::array();
  for (const auto& e : c.extensions()) {
    extensions.push_back({{"closes_at", FormatRfc3339Ms(e.closes_at)},
                          {"previous_closes_at", FormatRfc3339Ms(e.previous_closes_at)},
                          {"reason", e.reason},
                          {"at", FormatRfc3339Ms(e.at)},
                          {"position", e.position}});
  }
  return {{"id", i.id},
          {"agreement", i.agreement},
          {"version", VersionRefJson(i.version)},
          {"title", i.title},
          {"opens_at", FormatRfc3339Ms(i.opens_at)},
          {"closes_at", FormatRfc3339Ms(c.closes_at())},
          {"original_closes_at", FormatRfc3339Ms(i.closes_at)},
          {"time_zone", i.time_zone},
          {"state", PhaseName(c.PhaseAt(now))},
          {"closed_at", c.closed_at() ? json(FormatRfc3339Ms(*c.closed_at())) : json()},
          {"close_reason", Nullable(c.close_reason())},
          {"invited", i.invited},
          {"extensions", std::move(extensions)},
          {"responses",
           {{"submitted", responses.submitted},
            {"withdrawn", responses.withdrawn},
            {"late", responses.late}}},
          {"created_at", FormatRfc3339Ms(c.created_at())},
          {"position", c.created_position()},
          {"stream_version", c.version()}};
}

json VisibleAuthor(const Author& a, Visibility v) {
  if (v == Visibility::kWithoutAuthor || v == Visibility::kHidden) return nullptr;
  json j = {{"name", a.name}};
  if (v == Visibility::kFull && a.email) j["email"] = *a.email;
  return j;
}

json DispositionJson(const DispositionInfo& d) {
  return {{"outcome", OutcomeName(d.outcome)},
          {"rationale", d.rationale},
          {"changes", d.changes},
          {"recorded_at", FormatRfc3339Ms(d.recorded.recorded_at)},
          {"position", d.recorded.position},
          {"actor", ActorJson(d.recorded.actor)}};
}

json ResponseJson(const ResponseState& r, Visibility v, const CitedBy& cited_by) {
  const RevisionInfo& cur = r.current();
  const ResponseContent& c = cur.content;
  json out = {{"id", r.id()},
              {"consultation", r.consultation()},
              {"agreement", r.agreement()},
              {"party", c.party},
              {"author", VisibleAuthor(c.author, v)},
              {"summary", Nullable(c.summary)},
              {"points", PointsJson(c, &r, cited_by)},
              {"publication", PublicationName(c.publication)},
              {"attachments", AttachmentsJson(c)},
              {"revision", cur.revision},
              {"submitted_at", FormatRfc3339Ms(cur.submitted_at)},
              {"first_submitted_at", FormatRfc3339Ms(r.revisions().front().submitted_at)},
              {"late", r.late()},
              {"late_reason", Nullable(r.late_reason())},
              {"received_at", r.received_at() ? json(FormatRfc3339Ms(*r.received_at())) : json()},
              {"withdrawn", r.withdrawn()},
              {"withdrawn_at",
               r.withdrawn() ? json(FormatRfc3339Ms(r.withdrawal()->withdrawn_at)) : json()},
              {"withdrawal_reason", r.withdrawn() ? Nullable(r.withdrawal()->reason) : json()},
              {"receipt", {{"position", cur.recorded.position}, {"hash", cur.recorded.hash}}},
              {"stream_version", r.version()}};
  return out;
}

json RevisionJson(const ResponseState& r, const RevisionInfo& rev, Visibility v) {
  const ResponseContent& c = rev.content;
  return {{"response", r.id()},
          {"revision", rev.revision},
          {"party", c.party},
          {"author", VisibleAuthor(c.author, v)},
          {"summary", Nullable(c.summary)},
          {"points", PointsJson(c, nullptr, {})},
          {"publication", PublicationName(c.publication)},
          {"attachments", AttachmentsJson(c)},
          {"submitted_at", FormatRfc3339Ms(rev.submitted_at)},
          {"recorded_at", FormatRfc3339Ms(rev.recorded.recorded_at)},
          {"receipt", {{"position", rev.recorded.position}, {"hash", rev.recorded.hash}}},
          {"actor", v == Visibility::kFull ? ActorJson(rev.recorded.actor) : json()}};
}

CitedBy CitedByOf(std::vector<PointCitation> citations) {
  return [citations = std::move(citations)](std::uint32_t point) {
    std::vector<std::string> out;
    for (const PointCitation& c : citations) {
      if (c.point == point) out.push_back(c.citation.change);
    }
    return out;
  };
}

}  // namespace hoering::consultations
