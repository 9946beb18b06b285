// Read model of all registered parties, ordered by id. A fold over
// PartyRegistered events; not thread-safe (the server guards it).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/parties/party.h"

namespace hoering::events {
struct DecodedEvent;
}  // namespace hoering::events

namespace hoering::parties {

class PartiesView {
 public:
  void Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  void Apply(const RecordedEvent& e);
  const Party* Find(const std::string& id) const;
  // Up to `limit` parties with id > after, by id.
  std::vector<Party> List(const std::string& after, std::size_t limit) const;
  std::size_t size() const { return by_id_.size(); }

  // Canonical JSON (domain/snapshot/snapshot_json.h) and its inverse.
  nlohmann::json Snapshot() const;
  static Result<PartiesView> FromSnapshot(const nlohmann::json& j);

 private:
  std::map<std::string, Party> by_id_;
};

}  // namespace hoering::parties
