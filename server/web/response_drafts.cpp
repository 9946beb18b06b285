#include "server/web/response_drafts.h"

#include "server/web/local_sweep.h"

namespace hoering::web {
namespace {

using nlohmann::json;

constexpr std::string_view kPrefix = "draft/";

std::string KeyOf(const std::string& party, const std::string& consultation,
                  const std::string& target) {
  return std::string(kPrefix) + party + "/" + consultation + "/" + target;
}

json Encode(const ResponseDraft& d) {
  json points = json::array();
  for (const auto& p : d.points) {
    points.push_back({{"section", p.section}, {"quote", p.quote}, {"text", p.text}});
  }
  json files = json::array();
  for (const auto& a : d.attachments) {
    files.push_back({{"filename", a.filename},
                     {"media_type", a.media_type},
                     {"content_base64", a.content_base64},
                     {"size", a.size}});
  }
  return {{"author_name", d.author_name},
          {"author_email", d.author_email},
          {"publication", d.publication},
          {"summary", d.summary},
          {"points", points},
          {"attachments", files},
          {"version", d.version},
          {"saved_at", d.saved_at},
          {"expires_at", d.expires_at}};
}

// nullopt for a value that is not a draft (kept by an older version, or
// damaged): treated as absent.
std::optional<ResponseDraft> Decode(const std::string& text) {
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  try {
    ResponseDraft d;
    d.author_name = j.value("author_name", "");
    d.author_email = j.value("author_email", "");
    d.publication = j.value("publication", "");
    d.summary = j.value("summary", "");
    for (const auto& p : j.value("points", json::array())) {
      d.points.push_back({p.value("section", ""), p.value("quote", ""), p.value("text", "")});
    }
    for (const auto& a : j.value("attachments", json::array())) {
      d.attachments.push_back({a.value("filename", ""), a.value("media_type", ""),
                               a.value("content_base64", ""), a.value("size", std::uint64_t{0})});
    }
    d.version = j.value("version", std::uint64_t{0});
    d.saved_at = j.value("saved_at", TimeMs{0});
    d.expires_at = j.value("expires_at", TimeMs{0});
    return d;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

json ResponseDraft::SubmissionBody(const std::string& party) const {
  json author = {{"name", author_name}};
  if (!author_email.empty()) author["email"] = author_email;
  json body = {{"party", party}, {"author", author}};
  if (!summary.empty()) body["summary"] = summary;
  json list = json::array();
  for (const auto& p : points) {
    json point = {{"text", p.text}};
    if (!p.section.empty()) point["section"] = p.section;
    if (!p.quote.empty()) point["quote"] = p.quote;
    list.push_back(std::move(point));
  }
  body["points"] = std::move(list);
  if (!publication.empty()) body["publication"] = publication;
  if (!attachments.empty()) {
    json files = json::array();
    for (const auto& a : attachments) {
      files.push_back({{"filename", a.filename},
                       {"media_type", a.media_type},
                       {"content_base64", a.content_base64}});
    }
    body["attachments"] = std::move(files);
  }
  return body;
}

Result<std::optional<ResponseDraft>> ResponseDrafts::Load(const std::string& party,
                                                          const std::string& consultation,
                                                          const std::string& target, TimeMs now) {
  const std::string key = KeyOf(party, consultation, target);
  auto value = store_.GetLocal(key);
  if (!value.ok()) return value.status();
  if (!*value) return std::optional<ResponseDraft>();
  auto draft = Decode(**value);
  if (!draft || now >= draft->expires_at) {
    if (Status s = store_.DeleteLocal(key); !s.ok()) return s;
    return std::optional<ResponseDraft>();
  }
  return draft;
}

Status ResponseDrafts::Save(const std::string& party, const std::string& consultation,
                            const std::string& target, const ResponseDraft& draft) {
  return store_.PutLocal(KeyOf(party, consultation, target), Encode(draft).dump());
}

Status ResponseDrafts::Discard(const std::string& party, const std::string& consultation,
                               const std::string& target) {
  return store_.DeleteLocal(KeyOf(party, consultation, target));
}

Result<std::size_t> ResponseDrafts::Sweep(TimeMs now) {
  return SweepLocal(store_, std::string(kPrefix), [now](const std::string& value) {
    auto draft = Decode(value);
    return !draft || now >= draft->expires_at;
  });
}

}  // namespace hoering::web
