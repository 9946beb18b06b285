// Parties, agreements and the consultation of the demo (seeds README, 000,
// 001, 004).
#include "client/demo/demo_data.h"

namespace hoering::client::demo {

using nlohmann::json;

namespace {

// The 19 municipalities of Region Midtjylland (seed README, seed 002).
const json& MunicipalityTable() {
  static const json kTable = json::array({
      {{"id", "favrskov"}, {"name", "Favrskov Kommune"}},
      {{"id", "hedensted"}, {"name", "Hedensted Kommune"}},
      {{"id", "herning"}, {"name", "Herning Kommune"}},
      {{"id", "holstebro"}, {"name", "Holstebro Kommune"}},
      {{"id", "horsens"}, {"name", "Horsens Kommune"}},
      {{"id", "ikast-brande"}, {"name", "Ikast-Brande Kommune"}},
      {{"id", "lemvig"}, {"name", "Lemvig Kommune"}},
      {{"id", "norddjurs"}, {"name", "Norddjurs Kommune"}},
      {{"id", "odder"}, {"name", "Odder Kommune"}},
      {{"id", "randers"}, {"name", "Randers Kommune"}},
      {{"id", "ringkoebing-skjern"}, {"name", "Ringkøbing-Skjern Kommune"}},
      {{"id", "samsoe"}, {"name", "Samsø Kommune"}},
      {{"id", "silkeborg"}, {"name", "Silkeborg Kommune"}},
      {{"id", "skanderborg"}, {"name", "Skanderborg Kommune"}},
      {{"id", "skive"}, {"name", "Skive Kommune"}},
      {{"id", "struer"}, {"name", "Struer Kommune"}},
      {{"id", "syddjurs"}, {"name", "Syddjurs Kommune"}},
      {{"id", "viborg"}, {"name", "Viborg Kommune"}},
      {{"id", "aarhus"}, {"name", "Aarhus Kommune"}},
  });
  return kTable;
}

json RegionAndMunicipalities() {
  json parties = json::array({"region-midtjylland"});
  for (const auto& m : Municipalities()) parties.push_back(m);
  return parties;
}

}  // namespace

json Municipalities() {
  json ids = json::array();
  for (const auto& m : MunicipalityTable()) ids.push_back(m["id"]);
  return ids;
}

json Parties() {
  json out = json::array();
  out.push_back({{"id", "region-midtjylland"}, {"name", "Region Midtjylland"}, {"kind", "region"}});
  for (const auto& m : MunicipalityTable()) {
    out.push_back({{"id", m["id"]}, {"name", m["name"]}, {"kind", "municipality"}});
  }
  out.push_back({{"id", "plo-midtjylland"}, {"name", "PLO-Midtjylland"}, {"kind", "practice"}});
  out.push_back(
      {{"id", "patientpanel"}, {"name", "Patientinddragelsesudvalget"}, {"kind", "organisation"}});
  out.push_back({{"id", "psykiatriforum"}, {"name", "Psykiatriforum"}, {"kind", "organisation"}});
  out.push_back({{"id", "sst"}, {"name", "Sundhedsstyrelsen"}, {"kind", "authority"}});
  out.push_back({{"id", "ssu"}, {"name", "Sundhedssamarbejdsudvalget"}, {"kind", "committee"}});
  return out;
}

json Agreement2024() {
  json parties = RegionAndMunicipalities();
  parties.push_back("plo-midtjylland");
  // Entry into force 1 Jan 2024: seed 000 ("med henblik på ikrafttrædelse den
  // 1. januar 2024") and seed 001 ("Sundhedsaftalen træder i kraft 1. januar
  // 2024"); four years (seed 002).
  return {{"id", kAgreement2024},
          {"title", "Sundhedsaftalen 2024-2027"},
          {"subtitle",
           "Nærhed, tilgængelighed og sammenhæng for borgeren – et sundhedsvæsen i balance"},
          {"term", {{"entry_into_force", "2024-01-01"}, {"years", 4}}},
          {"parties", std::move(parties)}};
}

json Agreement2015() {
  // "Aftalen trådte i kraft den 1. februar 2015" (seed 004). The parties are
  // the regional council and the municipal councils.
  return {{"id", kAgreement2015},
          {"title", "Sundhedsaftalen 2015-2018"},
          {"subtitle", "Mere sundhed i det nære – på borgerens præmisser"},
          {"term", {{"entry_into_force", "2015-02-01"}, {"years", 4}}},
          {"parties", RegionAndMunicipalities()}};
}

json Consultation() {
  // Seed 000: "sendt til høring i perioden fra den 15. maj til den 25. august
  // 2023 i kommunerne, regionen, PLO-Midtjylland og hos en række
  // interessenter". Danish time: 15 May 00:00 CEST .. 25 Aug 23:59:59 CEST.
  json invited = RegionAndMunicipalities();
  for (const char* p : {"plo-midtjylland", "patientpanel", "psykiatriforum"}) invited.push_back(p);
  return {{"id", kConsultation},
          {"agreement", kAgreement2024},
          {"version", kDraftLabel},
          {"title", "Høring over udkast til Sundhedsaftalen 2024-2027"},
          {"opens_at", "2023-05-14T22:00:00Z"},
          {"closes_at", "2023-08-25T21:59:59Z"},
          {"invited", std::move(invited)},
          {"time_zone", "Europe/Copenhagen"}};
}

}  // namespace hoering::client::demo
