// The decisions of the demo: the SSU approval (seed 000), one municipality's
// three-body chain (seed 000), the regional council's and the other municipal
// councils' final approvals (dates invented, labelled in `note`),
// Sundhedsstyrelsen's approval with five recommendations (seed 002), and its
// conditional approval of the 2015-2018 agreement (seed 004).
#include <cstddef>
#include <string>

#include "client/demo/demo_data.h"

namespace hoering::client::demo {

using nlohmann::json;

namespace {

// The municipality of seed 000's case record (case no. 23/4826). The record
// does not name it; "Voksen- og Plejeudvalget" and "Kommunalbestyrelsen" point
// to Syddjurs Kommune, which is an inference, said so in the notes.
constexpr const char* kChainMunicipality = "syddjurs";
constexpr const char* kChainCase = "23/4826";
constexpr const char* kInferred =
    " The case record does not name the municipality; Syddjurs Kommune is inferred from the "
    "committee names (demo assumption).";

// Illustrative council meeting dates in December 2023 (the seeds give none;
// Sundhedsstyrelsen received the agreement on 10 Jan 2024, seed 002).
constexpr const char* kCouncilDates[] = {"2023-12-04", "2023-12-05", "2023-12-06",
                                         "2023-12-11", "2023-12-12", "2023-12-13",
                                         "2023-12-18", "2023-12-19", "2023-12-20"};

constexpr const char* kCouncilNote =
    "Meeting date illustrative (invented for the demo; not in the seed documents). The approval "
    "is implied by seed 002: the agreement was sent in to Sundhedsstyrelsen (received 10 January "
    "2024), which happens once the regional council and all municipal councils have approved it.";

json Decision(const std::string& id, const std::string& body, const std::string& party,
              const std::string& date, const std::string& agreement, const std::string& outcome,
              bool final_for_party, const std::string& note) {
  return {{"id", id},
          {"body", {{"name", body}, {"party", party}}},
          {"meeting_date", date},
          {"subject", {{"agreement", agreement}, {"version", kFinalLabel}}},
          {"outcome", outcome},
          {"final_for_party", final_for_party},
          {"conditions", json::array()},
          {"recommendations", json::array()},
          {"basis", {{"consultations", json::array()}, {"responses", json::array()}}},
          {"absent", json::array()},
          {"note", note}};
}

json SyddjursChain() {
  json out = json::array();
  json vpu = Decision("syddjurs-vpu-2023-11-22", "Voksen- og Plejeudvalget", kChainMunicipality,
                      "2023-11-22", kAgreement2024, "approved", false,
                      std::string("Tiltrådt (seed 000).") + kInferred);
  json oek =
      Decision("syddjurs-oek-2023-12-05", "Økonomiudvalget", kChainMunicipality, "2023-12-05",
               kAgreement2024, "approved", false, std::string("Tiltrådt (seed 000).") + kInferred);
  json kb =
      Decision("syddjurs-kb-2023-12-12", "Kommunalbestyrelsen", kChainMunicipality, "2023-12-12",
               kAgreement2024, "approved", true, std::string("Godkendt (seed 000).") + kInferred);
  kb["absent"] = {"Niels Basballe (A)"};  // "Afbud" in seed 000
  for (json* d : {&vpu, &oek, &kb}) {
    (*d)["case_ref"] = kChainCase;
    (*d)["basis"]["consultations"] = {kConsultation};
    out.push_back(std::move(*d));
  }
  return out;
}

}  // namespace

json Decisions2024() {
  json out = json::array();
  json ssu = Decision("ssu-2023-09-29", "Sundhedssamarbejdsudvalget", "ssu", "2023-09-29",
                      kAgreement2024, "approved", true,
                      "Approved after processing the consultation responses; the agreement goes "
                      "to the regional council and the municipal councils for approval, to enter "
                      "into force on 1 January 2024 (seed 000).");
  ssu["basis"] = {{"consultations", {kConsultation}}, {"responses", {kAllResponses}}};
  out.push_back(std::move(ssu));
  for (auto& d : SyddjursChain()) out.push_back(std::move(d));

  json region = Decision("region-midtjylland-regionsraadet", "Regionsrådet", "region-midtjylland",
                         "2023-12-13", kAgreement2024, "approved", true, kCouncilNote);
  region["basis"]["consultations"] = {kConsultation};
  out.push_back(std::move(region));
  std::size_t i = 0;
  for (const auto& m : Municipalities()) {
    const std::string id = m.get<std::string>();
    if (id == kChainMunicipality) continue;
    json d = Decision(id + "-kommunalbestyrelsen", "Kommunalbestyrelsen", id,
                      kCouncilDates[i++ % std::size(kCouncilDates)], kAgreement2024, "approved",
                      true, kCouncilNote);
    d["basis"]["consultations"] = {kConsultation};
    out.push_back(std::move(d));
  }

  json sst = Decision("sst-2024-03-06", "Sundhedsstyrelsen", "sst", "2024-03-06", kAgreement2024,
                      "approved", true,
                      "Received 10 January 2024; approved (seed 002). The agreement is concluded "
                      "when the regional council and all municipal councils have approved it; it "
                      "runs four years from entry into force, with a yearly review, a midway "
                      "status at most two years in and a final status at least half a year "
                      "before expiry.");
  sst["case_ref"] = "04-0000-7";
  sst["recommendations"] = {
      "Angiv hvilke datakilder der er brugt til at udvælge målgrupper (fx ældre borgere med "
      "kronisk sygdom) og indsatsområder (vejledningens afsnit 3.4).",
      "Overvej at specificere beskrivelsen af 'den nære psykiatri', så det tydeliggøres, hvilke "
      "kompetencer der ligger herunder.",
      "Sundhedsklyngerne bør opstille selvstændige mål for klyngens arbejde inden for aftalens "
      "rammer ud fra lokale udfordringer og behov (vejledningens afsnit 2.1).",
      "Konkretisér aftalen med fx delmål og succeskriterier, der viser hvordan målene indfries "
      "(vejledningens afsnit 3.2), fx initiativer for en sund alkoholkultur blandt unge.",
      "Når samarbejdsaftalerne videreudvikles, skal de stemme overens med den nye sundhedsaftale "
      "og med vejledningens afsnit 3.1 og 3.2 samt øvrige nationale anbefalinger."};
  out.push_back(std::move(sst));
  return out;
}

json Decisions2015() {
  json sst = Decision("sst-2015", "Sundhedsstyrelsen", "sst", "2015-03-31", kAgreement2015,
                      "approved_with_conditions", true,
                      "Received 30 January 2015; in force since 1 February 2015 (seed 004). A "
                      "prerequisite of the approval: any separate agreement with Samsø Kommune may "
                      "not replace or take precedence over the health agreement, and is to be "
                      "sent to Sundhedsstyrelsen for information. Meeting date illustrative: the "
                      "letter's date is not in the extracted seed text.");
  sst["conditions"] = {{{"text",
                         "Samsø Kommune must approve the agreement (\"Samsø Kommune godkender "
                         "sundhedsaftalen senest 1. juli 2015\", seed 004)"},
                        {"party", "samsoe"},
                        {"due", "2015-07-01"}}};
  sst["recommendations"] = {
      "Aftalen kunne med fordel have indeholdt en status for samarbejdet og for folkesundheden i "
      "regionen, fx med data fra sundhedsprofilen og de nationale indikatorer.",
      "Delaftalernes titler ('Sundhedsaftalen for …') bør afspejle indholdet tydeligere.",
      "Der bør vedvarende være fokus på ligestilling mellem psykiatri og somatik.",
      "Børn og unge med forbigående nedsat funktionsevne bør omfattes af snitfladekataloget for "
      "genoptræning.",
      "Effektmål for kommunale akutfunktioner bør tage udgangspunkt i indikatorerne i "
      "anbefalingerne for kommunale akutfunktioner."};
  return json::array({std::move(sst)});
}

}  // namespace hoering::client::demo
