// The parties of the random history, from data/parties.tsv (cast.h).
#include "tests/support/random_history/cast.h"

#include <cstdio>
#include <cstdlib>

#include "tests/support/random_history/embedded_data.h"

namespace hoering::testdata::history {

const std::vector<PartySpec>& Parties() {
  static const std::vector<PartySpec> kParties = [] {
    std::vector<PartySpec> parties;
    for (const std::string& line : DataLines("parties.tsv")) {
      const std::size_t a = line.find('\t'), b = line.find('\t', a + 1);
      if (a == std::string::npos || b == std::string::npos) {
        std::fprintf(stderr, "random history: bad line in parties.tsv: %s\n", line.c_str());
        std::abort();
      }
      parties.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    for (std::size_t i = 1; i <= kMunicipalities; ++i) {
      if (i >= parties.size() || parties[i].kind != "municipality") {
        std::fprintf(stderr, "random history: parties.tsv lines 2..%zu must be municipalities\n",
                     kMunicipalities + 1);
        std::abort();
      }
    }
    return parties;
  }();
  return kParties;
}

}  // namespace hoering::testdata::history
