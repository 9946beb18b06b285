// The consultation responses and the change sets of the demo. The responses
// are INVENTED (seed 000 does not contain them; the seeds README allows a demo
// to invent responses that plausibly motivated the four changes, labelled as
// illustrative). The four change sets are the changes seed 000 lists:
//   1. indicator "Ventetid på udredning for børn og unge under 18 år, henvist
//      til psykiatrien" under objective obj-1-1,
//   2. indicator "Ventetid på behandling ..." under the same objective,
//   3. the sentence "Relevante parter inddrages i udmøntningen af aftalen." in
//      "Implementering og opfølgning" (kap-6),
//   4. prevention and equality in health in focus on all three focus areas
//      (kap-3, the chapter that introduces the focus areas).
// Data, not logic: this file may be long.
#include "client/demo/demo_data.h"

namespace hoering::client::demo {

using nlohmann::json;

json Responses() {
  static const char* kJson = R"json([
{"key": "aarhus", "received_at": "2023-08-24T10:15:00Z",
 "body": {"party": "aarhus",
  "author": {"name": "Sundhed og Omsorg, Aarhus Kommune (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response). Aarhus Kommune støtter udkastet og har to bemærkninger.",
  "points": [
   {"section": "ind-1-1-4", "quote": "Antal kontakter til psykiatrien blandt børn og unge",
    "text": "Antallet af kontakter siger ikke noget om, hvor længe børn og unge venter. Vi foreslår en indikator for ventetid på udredning for børn og unge under 18 år, der er henvist til psykiatrien."},
   {"section": "kap-3", "quote": "Indsatsområderne skal ses som fælles udviklingsområder i de kommende år",
    "text": "Forebyggelse og lighed i sundhed bør fremgå som et gennemgående perspektiv på alle tre indsatsområder, når indsatserne udvikles og implementeres."}]},
 "dispositions": [
   {"point": 1, "outcome": "accepted", "changes": ["waiting-assessment"],
    "rationale": "Illustrative: indikatoren for ventetid på udredning er tilføjet under målsætningen om børn og unges mentale sundhed."},
   {"point": 2, "outcome": "accepted", "changes": ["prevention-equality"],
    "rationale": "Illustrative: det er tilføjet, at der på alle tre indsatsområder er fokus på forebyggelse og lighed i sundhed."}]},

{"key": "randers", "received_at": "2023-08-18T13:40:00Z",
 "body": {"party": "randers",
  "author": {"name": "Sundhed, Randers Kommune (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "fa-1-1", "quote": "Vi vil sørge for, at der er en rettidig og sammenhængende indsats",
    "text": "Rettidighed bør kunne følges. Vi foreslår, at ventetiden på behandling for børn og unge, der er henvist til psykiatrien, følges som indikator."},
   {"section": "principle-5", "quote": "skal de økonomiske konsekvenser være klarlagt som del af det fælles beslutningsgrundlag",
    "text": "Vi ønsker en fast model for fordeling af udgifterne ved opgaveflytning mellem region og kommuner skrevet ind i aftalen."}]},
 "dispositions": [
   {"point": 1, "outcome": "accepted", "changes": ["waiting-treatment"],
    "rationale": "Illustrative: indikatoren for ventetid på behandling er tilføjet."},
   {"point": 2, "outcome": "not_accepted", "changes": [],
    "rationale": "Illustrative: sundhedsaftalen sætter den fælles retning; økonomien afklares i de konkrete samarbejdsaftaler efter princippet om økonomisk klarhed og fair balance."}]},

{"key": "herning", "received_at": "2023-08-25T08:30:00Z",
 "body": {"party": "herning",
  "author": {"name": "Social og Sundhed, Herning Kommune (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "kap-6", "quote": "Indsatser kan udvikles i centralt nedsatte arbejdsgrupper eller i sundhedsklyngerne",
    "text": "Det bør fremgå, at relevante parter inddrages, når aftalen udmøntes, så kommunerne, almen praksis, patienter og pårørende er med fra starten."},
   {"section": "fa-3-1", "quote": "Vi vil samtidig skabe lettere og mere fleksibel adgang til sundhedsvæsenet",
    "text": "Vi foreslår et konkret måltal for andelen af virtuelle kontakter i 2027."}]},
 "dispositions": [
   {"point": 1, "outcome": "accepted", "changes": ["relevant-parties"],
    "rationale": "Illustrative: formuleringen 'Relevante parter inddrages i udmøntningen af aftalen' er indsat under Implementering og opfølgning."},
   {"point": 2, "outcome": "noted", "changes": [],
    "rationale": "Illustrative: indikatoren 'Antal virtuelle kontakter' følges; konkrete måltal hører til i den årlige handleplan."}]},

{"key": "plo", "received_at": "2023-08-23T15:05:00Z",
 "body": {"party": "plo-midtjylland",
  "author": {"name": "PLO-Midtjylland, sekretariatet (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "om-aftalen", "quote": "Hvis det besluttes, at almen praksis skal varetage nye opgaver",
    "text": "Nye opgaver til almen praksis skal altid forudsætte en underliggende aftale om implementering og ressourcer."},
   {"section": "kap-6", "quote": "Samarbejdsaftalerne indeholder konkret ansvars- og opgavefordeling",
    "text": "Almen praksis bør inddrages fra starten, når indsatserne udmøntes, og ikke først ved implementeringen."},
   {"section": "fa-3-1", "quote": "kontakte og tilse borgerne virtuelt",
    "text": "Honoreringen af virtuelle konsultationer i almen praksis bør afklares i aftalen."}]},
 "dispositions": [
   {"point": 1, "outcome": "noted", "changes": [],
    "rationale": "Illustrative: teksten siger allerede, at nye opgaver til almen praksis forudsætter en underliggende aftale."},
   {"point": 2, "outcome": "accepted", "changes": ["relevant-parties"],
    "rationale": "Illustrative: formuleringen 'Relevante parter inddrages i udmøntningen af aftalen' er indsat; almen praksis er en af parterne."},
   {"point": 3, "outcome": "out_of_scope", "changes": [],
    "rationale": "Illustrative: honorering aftales i overenskomsten for almen praksis, ikke i sundhedsaftalen."}]},

{"key": "patientpanel", "received_at": "2023-08-15T11:00:00Z",
 "body": {"party": "patientpanel",
  "author": {"name": "Patientinddragelsesudvalget (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "obj-1-1", "quote": "mindske mistrivsel hos børn og unge",
    "text": "Familierne oplever lange ventetider både på udredning og på behandling. Ventetid bør være en indikator under målsætningen."},
   {"section": "principle-1", "quote": "Derfor inddrager vi borgernes perspektiv og erfaringer",
    "text": "Patienter og pårørende bør nævnes blandt dem, der inddrages, når aftalen udmøntes."},
   {"section": "vision-3", "quote": "Samtidig har vi fokus på at sikre social lighed i sundhed",
    "text": "Lighed i sundhed står i visionerne, men ikke under indsatsområderne. Det bør gælde alle tre."}]},
 "dispositions": [
   {"point": 1, "outcome": "accepted", "changes": ["waiting-assessment", "waiting-treatment"],
    "rationale": "Illustrative: to indikatorer for ventetid på udredning og på behandling er tilføjet."},
   {"point": 2, "outcome": "partially_accepted", "changes": ["relevant-parties"],
    "rationale": "Illustrative: 'Relevante parter inddrages i udmøntningen af aftalen' er indsat; patienter og pårørende nævnes ikke særskilt, men er omfattet."},
   {"point": 3, "outcome": "accepted", "changes": ["prevention-equality"],
    "rationale": "Illustrative: forebyggelse og lighed i sundhed er nu i fokus på alle tre indsatsområder."}]},

{"key": "psykiatriforum", "received_at": "2023-08-25T12:00:00Z",
 "body": {"party": "psykiatriforum",
  "author": {"name": "Psykiatriforum (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "fa-1-2", "quote": "så borgerne ikke risikerer at blive tabt mellem stole",
    "text": "Vi foreslår en ny målsætning om ventetid i voksenpsykiatrien."},
   {"section": "ind-1-1-4", "quote": "Antal kontakter til psykiatrien blandt børn og unge",
    "text": "Antallet af kontakter bør suppleres med ventetiden fra henvisning til udredning."}]},
 "dispositions": [
   {"point": 1, "outcome": "not_accepted", "changes": [],
    "rationale": "Illustrative: indsatsområdet prioriterer børn og unge; ventetider i voksenpsykiatrien følges i regionens egen styring."},
   {"point": 2, "outcome": "accepted", "changes": ["waiting-assessment"],
    "rationale": "Illustrative: indikatoren for ventetid på udredning er tilføjet."}]},

{"key": "skive", "received_at": "2023-08-21T09:20:00Z",
 "body": {"party": "skive",
  "author": {"name": "Sundhed og Omsorg, Skive Kommune (illustrative)"},
  "publication": "public",
  "summary": "Illustrative response invented for the demo (ILLUSTRATIVE, invented for the demo; not a real consultation response).",
  "points": [
   {"section": "fa-2", "quote": "der er potentiale i at forebygge, at kronisk sygdom opstår og udvikler sig",
    "text": "Forebyggelse nævnes under kronisk sygdom, men bør være i fokus på alle tre indsatsområder."},
   {"section": "kap-7", "quote": "Sundhedsklyngerne har både et politisk og et fagligt-strategisk niveau",
    "text": "Vi ønsker, at Skive Kommune hører til en anden sundhedsklynge."}]},
 "dispositions": [
   {"point": 1, "outcome": "accepted", "changes": ["prevention-equality"],
    "rationale": "Illustrative: det er tilføjet, at der på alle tre indsatsområder er fokus på forebyggelse og lighed i sundhed."},
   {"point": 2, "outcome": "out_of_scope", "changes": [],
    "rationale": "Illustrative: sundhedsklyngernes sammensætning fastlægges ikke i sundhedsaftalen."}]}
])json";
  return json::parse(kJson);
}

json ChangeSets() {
  static const char* kJson = R"json([
{"key": "waiting-assessment", "section": "ind-1-1-5",
 "rationale": "Efter høringen (seed 000): indikator for ventetid på udredning for børn og unge henvist til psykiatrien. Illustrative citations.",
 "cites": [{"response": "aarhus", "point": 1}, {"response": "patientpanel", "point": 1},
           {"response": "psykiatriforum", "point": 2}],
 "ops": [{"op": "add", "parent": "obj-1-1", "after": "ind-1-1-4",
          "section": {"id": "ind-1-1-5", "kind": "indicator",
                      "heading": "Ventetid på udredning for børn og unge under 18 år, henvist til psykiatrien"}}]},
{"key": "waiting-treatment", "section": "ind-1-1-6",
 "rationale": "Efter høringen (seed 000): indikator for ventetid på behandling for børn og unge henvist til psykiatrien. Illustrative citations.",
 "cites": [{"response": "randers", "point": 1}, {"response": "patientpanel", "point": 1}],
 "ops": [{"op": "add", "parent": "obj-1-1", "after": "ind-1-1-5",
          "section": {"id": "ind-1-1-6", "kind": "indicator",
                      "heading": "Ventetid på behandling for børn og unge under 18 år, henvist til psykiatrien"}}]},
{"key": "relevant-parties", "section": "kap-6",
 "rationale": "Efter høringen (seed 000): 'Relevante parter inddrages i udmøntningen af aftalen' er indsat under Implementering og opfølgning. Illustrative citations.",
 "cites": [{"response": "herning", "point": 1}, {"response": "plo", "point": 2},
           {"response": "patientpanel", "point": 2}],
 "edit": {"id": "kap-6", "anchor": "på opdrag fra Sundhedssamarbejdsudvalget.",
          "insert": " Relevante parter inddrages i udmøntningen af aftalen."}},
{"key": "prevention-equality", "section": "kap-3",
 "rationale": "Efter høringen (seed 000): fokus på forebyggelse og lighed i sundhed på alle tre prioriterede indsatsområder. Illustrative citations.",
 "cites": [{"response": "aarhus", "point": 2}, {"response": "patientpanel", "point": 3},
           {"response": "skive", "point": 1}],
 "edit": {"id": "kap-3", "anchor": "kommuner, hospitaler og praktiserende læger.",
          "insert": "\n\nVed udmøntningen af sundhedsaftalen vil der på alle tre prioriterede indsatsområder være fokus på forebyggelse og lighed i sundhed i forbindelse med udvikling og implementering af konkrete indsatser."}}
])json";
  return json::parse(kJson);
}

}  // namespace hoering::client::demo
