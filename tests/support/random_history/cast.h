// Who takes part in the random history: the parties (data/parties.tsv: id,
// name and kind, tab-separated, one party a line) and the agreements the
// history is about.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace hoering::testdata::history {

struct PartySpec {
  std::string id;
  std::string name;
  std::string kind;  // region, municipality, practice, organisation, authority, committee
};
// The parties in file order: the region first, then the municipalities
// (Parties()[1..kMunicipalities]), then the practice, organisations,
// authorities and committees. Loaded once, on first use; thread-safe.
const std::vector<PartySpec>& Parties();
inline constexpr std::size_t kMunicipalities = 19;

struct AgreementSpec {
  const char* id;
  const char* title;
  const char* subtitle;  // may be null
  const char* entry_into_force;
  std::uint32_t years;
  std::size_t municipalities;  // the first n municipalities take part
  bool practice;
};
inline const AgreementSpec kAgreements[] = {
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

}  // namespace hoering::testdata::history
