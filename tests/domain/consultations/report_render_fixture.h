// A sample consultation report (the input of report_render.h) for the
// rendering tests, and small helpers to look into rendered text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hoering::consultations::report_fixture {

using nlohmann::json;

// Two invited parties (p1 answered with 3 points, p2 withdrew), a late answer
// from an uninvited party (p3) and an anonymous one whose party (p4) is not in
// "parties". Names hold < & " ' | , and a line break.
inline constexpr const char* kReport = R"json({
 "consultation": {"id": "cons-1", "title": "Klimaplan 'Vest' <2030> & mer", "agreement": "agr-1",
   "agreement_title": "Klimaavtalen", "version": {"number": 3, "label": "Final draft", "hash": "abc123"},
   "opens_at": "2026-10-01T00:00:00+02:00", "closes_at": "2026-11-15T23:59:00+01:00",
   "original_closes_at": "2026-11-01T23:59:00+01:00", "time_zone": "Europe/Oslo", "state": "closed",
   "closed_at": "2026-11-16T00:00:00+01:00", "close_reason": "Deadline passed",
   "extensions": [{"closes_at": "2026-11-15T23:59:00+01:00", "reason": "Requested by KS",
                   "at": "2026-10-20T09:00:00Z"}]},
 "generated_at": "2026-11-23T10:00:00Z", "as_of_position": 123,
 "parties": [
   {"party": "p1", "name": "Fagforbundet <Vest> & \"Co\" | Avd. 3", "kind": "union", "invited": true,
    "responded": true, "responses": ["r1"], "late": false, "withdrawn": false},
   {"party": "p2", "name": "Naturvernforbundet, \"Hordaland\"", "kind": "ngo", "invited": true,
    "responded": true, "responses": ["r2"], "late": false, "withdrawn": true},
   {"party": "p3", "name": "Hordaland\nBondelag", "kind": "farmers", "invited": false,
    "responded": true, "responses": ["r3"], "late": true, "withdrawn": false}],
 "responses": [
   {"id": "r1", "party": "p1", "party_name": "Fagforbundet <Vest> & \"Co\" | Avd. 3",
    "author": {"name": "Kari Nordmann"}, "publication": "public", "submitted_at": "2026-11-10T12:00:00Z",
    "first_submitted_at": "2026-11-09T08:00:00Z", "revision": 2, "late": false, "late_reason": null,
    "withdrawn": false, "withdrawn_at": null, "withdrawal_reason": null, "summary": "Three points.",
    "attachments": [{"filename": "innspill, v2.pdf", "media_type": "application/pdf", "size": 245760,
      "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
    "points": [
     {"n": 1, "section": "obj-1-1", "section_heading": "Reduce emissions", "quote": "cut emissions by 40 %",
      "text": "We propose 55 %, not 40 %.\nSee attachment.",
      "disposition": {"outcome": "accepted", "rationale": "Agreed | in part",
                      "recorded_at": "2026-11-20T12:00:00Z", "changes": ["chg-7"]},
      "changes": [{"change": "chg-7", "rationale": "Raised the target",
        "sections": [{"id": "obj-1-1", "heading": "Reduce emissions", "status": "modified",
          "excerpt": [{"op": "equal", "text": "LONG"}, {"op": "delete", "text": "40"},
                      {"op": "insert", "text": "55"}, {"op": "equal", "text": " % by 2030."}]}]}]},
     {"n": 2, "section": null, "section_heading": null, "quote": null,
      "text": "Use \"plain\" language, please",
      "disposition": {"outcome": "not_accepted", "rationale": "Out of our hands.",
                      "recorded_at": "2026-11-20T12:05:00Z", "changes": []}, "changes": []},
     {"n": 3, "section": "obj-2", "section_heading": "Transport", "quote": null,
      "text": "Add a cycling target.", "disposition": null, "changes": []}]},
   {"id": "r2", "party": "p2", "party_name": "Naturvernforbundet, \"Hordaland\"",
    "author": {"name": "Ola"}, "publication": "public", "submitted_at": "2026-11-02T10:00:00Z",
    "first_submitted_at": "2026-11-02T10:00:00Z", "revision": 1, "late": false, "late_reason": null,
    "withdrawn": true, "withdrawn_at": "2026-11-05T08:00:00Z",
    "withdrawal_reason": "Merged into joint response", "summary": null, "attachments": [],
    "points": [{"n": 1, "section": "obj-1", "section_heading": "Goals", "quote": null,
                "text": "Withdrawn point", "disposition": null, "changes": []}]},
   {"id": "r3", "party": "p3", "party_name": "Hordaland\nBondelag", "author": {"name": "Per"},
    "publication": "public", "submitted_at": "2026-11-17T09:00:00Z", "revision": 1, "late": true,
    "late_reason": "Postal delay", "withdrawn": false,
    "points": [{"n": 1, "section": "obj-2", "section_heading": "Transport", "quote": "roads",
                "text": "Mind the farms", "changes": [{"change": "chg-8", "sections": []}],
                "disposition": {"outcome": "noted", "rationale": null, "changes": ["chg-8", "chg-9"]}}]},
   {"id": "r4", "party": "p4", "party_name": "Private citizen", "author": null,
    "publication": "anonymous", "submitted_at": "2026-11-12T20:00:00Z", "revision": 1, "late": false,
    "withdrawn": false,
    "points": [{"n": 1, "section": null, "text": "<script>alert(1)</script>",
                "disposition": {"outcome": "partially_accepted", "rationale": "Some of it"}}]}],
 "totals": {"responses": 4, "withdrawn": 1, "late": 1, "points": 5,
            "outcomes": {"accepted": 1, "partially_accepted": 1, "not_accepted": 1, "noted": 1,
                         "out_of_scope": 0, "undecided": 2}},
 "withheld": 2
})json";

inline std::string Words(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "w" + std::to_string(i) + " ";
  return s;
}

inline json Report() {
  json r = json::parse(kReport);
  r["responses"][0]["points"][0]["changes"][0]["sections"][0]["excerpt"][0]["text"] = Words(1, 40);
  return r;
}

inline std::size_t CountOf(const std::string& s, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace hoering::consultations::report_fixture
