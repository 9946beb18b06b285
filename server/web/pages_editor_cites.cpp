// The points a change set may cite (the editor's picker): the consultations
// on the agreement (the query behind GET /v1/consultations?agreement=), their
// responses as the reader may see them (the query behind GET
// /v1/consultations/{id}/responses) and each response's points, filtered by
// a word in the point's text, quote, the party's name or the author
// (case-insensitive for ASCII and Latin-1 letters such as Æ, Ø, Å). A scan,
// not an index: it stops at `limit` matches; the inbox's full-text index is
// the tool for large consultations.
#include "server/app/consultation_queries.h"
#include "server/app/read_views.h"
#include "server/app/response_queries.h"
#include "server/web/pages_editor.h"

namespace hoering::web {
namespace {

using nlohmann::json;

// A string field, "" when absent or not a string (a point's quote is null).
std::string Text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Lowercase ASCII, and Latin-1 capitals in UTF-8 (U+00C0..U+00DE but U+00D7).
std::string Folded(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

std::string Shortened(const std::string& text, std::size_t max = 240) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "…";
}

json Entry(const PageCall& call, const json& consultation, const json& response, const json& point,
           bool checked) {
  const std::string cid = Text(consultation, "id");
  const std::string rid = Text(response, "id");
  const std::string n = std::to_string(point.value("n", 0));
  const std::string party = Text(response, "party");
  const std::string party_name = app::PartyName(call.ctx.views, party).value_or(party);
  return {{"value", rid + ":" + n},
          {"input_id", "cite-" + rid + "-" + n},
          {"label", party_name + " – " + call.T("editor.cites.point") + " " + n},
          {"consultation", consultation.value("title", cid)},
          {"text", Shortened(Text(point, "text"))},
          {"href", "/consultations/" + UrlEncode(cid) + "/responses/" + UrlEncode(rid)},
          {"checked", checked}};
}

bool Matches(const PageCall& call, const std::string& word, const json& response,
             const json& point) {
  if (word.empty()) return true;
  const std::string party = Text(response, "party");
  std::string hay = Text(point, "text") + "\n" + Text(point, "quote") + "\n" +
                    app::PartyName(call.ctx.views, party).value_or(party) + "\n" +
                    Text(response.value("author", json::object()), "name");
  return Folded(hay).find(word) != std::string::npos;
}

}  // namespace

Result<json> CitablePoints(const PageCall& call, const std::string& agreement,
                           const std::string& word, const std::set<std::string>& checked,
                           std::size_t limit) {
  const std::string folded = Folded(word);
  json found = json::array();
  std::set<std::string> shown;
  app::ConsultationsQuery consultations{"", 100, agreement};
  bool full = false;
  while (!full) {
    auto page = app::ConsultationsPage(call.ctx, consultations);
    if (!page.ok()) return page.status();
    for (const auto& c : page->items) {
      app::ResponsesQuery responses{Text(c, "id"), "", 100, ""};
      while (!full) {
        auto rs = app::ResponsesPage(call.ctx, call.who, responses);
        if (!rs.ok()) return rs.status();
        for (const auto& r : rs->items) {
          if (r.value("withdrawn", false)) continue;
          for (const auto& p : r.value("points", json::array())) {
            if (!Matches(call, folded, r, p)) continue;
            json e = Entry(call, c, r, p, false);
            e["checked"] = checked.count(e["value"].get<std::string>()) > 0;
            shown.insert(e["value"].get<std::string>());
            found.push_back(std::move(e));
            full = found.size() >= limit;
            if (full) break;
          }
          if (full) break;
        }
        if (!rs->next) break;
        responses.after = *rs->next;
      }
      if (full) break;
    }
    if (!page->next) break;
    consultations.after = *page->next;
  }
  // Points ticked before a search that no longer matches stay ticked, first.
  json kept = json::array();
  for (const std::string& value : checked) {
    if (shown.count(value)) continue;
    const auto colon = value.rfind(':');
    json e = {{"value", value},
              {"input_id", "cite-kept-" + std::to_string(kept.size())},
              {"label", value},
              {"text", ""},
              {"checked", true}};
    if (colon != std::string::npos)
      e["label"] = call.T("editor.cites.point") + " " + value.substr(colon + 1) + " (" +
                   value.substr(0, colon) + ")";
    kept.push_back(std::move(e));
  }
  for (auto& e : found) kept.push_back(std::move(e));
  return kept;
}

}  // namespace hoering::web
