#include "domain/consultations/response_events.h"

#include "domain/enum_names.h"
#include "domain/events/event_data.h"

namespace hoering::consultations {

using nlohmann::json;

std::string ResponseStream(const std::string& id) {
  return "response-" + id;
}
std::optional<std::string_view> ResponseIdOf(std::string_view stream) {
  constexpr std::string_view kPrefix = "response-";
  if (!stream.starts_with(kPrefix)) return std::nullopt;
  return stream.substr(kPrefix.size());
}
std::string AttachmentStream(const std::string& sha256) {
  return "attachment-" + sha256;
}

namespace {

constexpr EnumName<Publication> kPublicationNames[] = {{Publication::kPublic, "public"},
                                                       {Publication::kAnonymous, "anonymous"},
                                                       {Publication::kPrivate, "private"}};

constexpr EnumName<Outcome> kOutcomeNames[] = {{Outcome::kAccepted, "accepted"},
                                               {Outcome::kPartiallyAccepted, "partially_accepted"},
                                               {Outcome::kNotAccepted, "not_accepted"},
                                               {Outcome::kNoted, "noted"},
                                               {Outcome::kOutOfScope, "out_of_scope"}};

}  // namespace

std::string PublicationName(Publication p) {
  return std::string(NameIn(kPublicationNames, p, "private"));
}

std::optional<Publication> ParsePublication(const std::string& s) {
  return ValueIn(kPublicationNames, s);
}

std::string OutcomeName(Outcome o) {
  return std::string(NameIn(kOutcomeNames, o, "noted"));
}

std::optional<Outcome> ParseOutcome(const std::string& s) {
  return ValueIn(kOutcomeNames, s);
}

json AuthorJson(const Author& a) {
  json j = {{"name", a.name}};
  if (a.email) j["email"] = *a.email;
  return j;
}

json PointJson(const Point& p, std::uint32_t n) {
  json j = {{"n", n}, {"text", p.text}};
  if (p.section) j["section"] = *p.section;
  if (p.quote) j["quote"] = *p.quote;
  return j;
}

json AttachmentRefJson(const AttachmentRef& a) {
  return {{"filename", a.filename},
          {"media_type", a.media_type},
          {"size", a.size},
          {"sha256", a.sha256}};
}

json ContentJson(const ResponseContent& c) {
  json points = json::array();
  for (std::size_t i = 0; i < c.points.size(); ++i) {
    points.push_back(PointJson(c.points[i], static_cast<std::uint32_t>(i + 1)));
  }
  json attachments = json::array();
  for (const auto& a : c.attachments) attachments.push_back(AttachmentRefJson(a));
  json j = {{"party", c.party},
            {"author", AuthorJson(c.author)},
            {"points", std::move(points)},
            {"publication", PublicationName(c.publication)},
            {"attachments", std::move(attachments)}};
  if (c.summary) j["summary"] = *c.summary;
  return j;
}

NewEvent ToEvent(const ResponseRevisionEvent& e) {
  json d = ContentJson(e.content);
  d["response"] = e.response;
  d["consultation"] = e.consultation;
  d["agreement"] = e.agreement;
  d["revision"] = e.revision;
  d["submitted_at"] = FormatRfc3339Ms(e.submitted_at);
  if (e.revision == 1) {
    d["late"] = e.late;
    if (e.late_reason) d["late_reason"] = *e.late_reason;
    if (e.received_at) d["received_at"] = FormatRfc3339Ms(*e.received_at);
    return {kResponseSubmitted, 1, std::move(d), {}};
  }
  return {kResponseAmended, 1, std::move(d), {}};
}

NewEvent ToEvent(const ResponseWithdrawn& e) {
  json d = {{"response", e.response},
            {"consultation", e.consultation},
            {"revision", e.revision},
            {"withdrawn_at", FormatRfc3339Ms(e.withdrawn_at)}};
  if (e.reason) d["reason"] = *e.reason;
  return {kResponseWithdrawn, 1, std::move(d), {}};
}

NewEvent ToEvent(const DispositionRecorded& e) {
  json d = {{"response", e.response},   {"consultation", e.consultation},
            {"point", e.point},         {"outcome", OutcomeName(e.outcome)},
            {"rationale", e.rationale}, {"changes", e.changes}};
  return {kDispositionRecorded, 1, std::move(d), {}};
}

NewEvent ToEvent(const AttachmentStored& e) {
  json d = {{"sha256", e.sha256},
            {"media_type", e.media_type},
            {"size", e.size},
            {"content_base64", e.content_base64}};
  return {kAttachmentStored, 1, std::move(d), {}};
}

namespace {

ResponseContent ReadContent(const json& j) {
  ResponseContent c;
  c.party = j.at("party").get<std::string>();
  c.author = {j.at("author").at("name").get<std::string>(),
              events::OptionalText(j.at("author"), "email")};
  c.summary = events::OptionalText(j, "summary");
  for (const auto& p : j.at("points")) {
    c.points.push_back({events::OptionalText(p, "section"), events::OptionalText(p, "quote"),
                        p.at("text").get<std::string>()});
  }
  auto pub = ParsePublication(j.at("publication").get<std::string>());
  if (!pub) throw std::invalid_argument("bad publication");
  c.publication = *pub;
  for (const auto& a : j.at("attachments")) {
    c.attachments.push_back({a.at("filename").get<std::string>(),
                             a.at("media_type").get<std::string>(),
                             a.at("size").get<std::uint64_t>(), a.at("sha256").get<std::string>()});
  }
  return c;
}

}  // namespace

Result<ResponseRevisionEvent> ResponseRevisionFromJson(const json& j) {
  return events::ReadEventData("response", "revision", [&] {
    ResponseRevisionEvent e;
    e.response = j.at("response").get<std::string>();
    e.consultation = j.at("consultation").get<std::string>();
    e.agreement = j.at("agreement").get<std::string>();
    e.revision = j.at("revision").get<std::uint32_t>();
    e.submitted_at = events::TimeAt(j, "submitted_at");
    e.late = j.value("late", false);
    e.late_reason = events::OptionalText(j, "late_reason");
    if (j.contains("received_at")) e.received_at = events::TimeAt(j, "received_at");
    e.content = ReadContent(j);
    return e;
  });
}

Result<ResponseWithdrawn> ResponseWithdrawnFromJson(const json& j) {
  return events::ReadEventData("response", kResponseWithdrawn, [&] {
    ResponseWithdrawn e;
    e.response = j.at("response").get<std::string>();
    e.consultation = j.at("consultation").get<std::string>();
    e.revision = j.at("revision").get<std::uint32_t>();
    e.reason = events::OptionalText(j, "reason");
    e.withdrawn_at = events::TimeAt(j, "withdrawn_at");
    return e;
  });
}

Result<DispositionRecorded> DispositionRecordedFromJson(const json& j) {
  return events::ReadEventData("response", kDispositionRecorded, [&] {
    DispositionRecorded e;
    e.response = j.at("response").get<std::string>();
    e.consultation = j.at("consultation").get<std::string>();
    e.point = j.at("point").get<std::uint32_t>();
    auto o = ParseOutcome(j.at("outcome").get<std::string>());
    if (!o) throw std::invalid_argument("bad outcome");
    e.outcome = *o;
    e.rationale = j.at("rationale").get<std::string>();
    e.changes = j.at("changes").get<std::vector<std::string>>();
    return e;
  });
}

Result<ResponseContent> ContentFromJson(const json& j) {
  return events::ReadEventData("response", "content", [&] { return ReadContent(j); });
}

}  // namespace hoering::consultations
