// Read model of consultations and citations, fed with every event of the log
// in order (other streams are ignored). Holds nothing per response: response
// contents stay in the log and are folded on demand (ResponseLookup), and the
// list of each consultation's responses is the persistent response index
// (server/app/response_index.h).
//
//  * consultations by id (copy-on-write shared states, so a reader can
//    render without holding the server's lock);
//  * citations: which change sets cite a response point, from the
//    ChangeSetRecorded events of agreement streams.
// Not thread-safe by itself (the server's ReadViews guards it).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreements/agreement_events.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_state.h"
#include "domain/snapshot/snapshot_sink.h"
#include "domain/snapshot/snapshot_source.h"

namespace hoering::consultations {

struct Citation {
  std::string agreement;
  std::string change;
  std::uint64_t position = 0;
  bool operator==(const Citation&) const = default;
};

struct PointCitation {
  std::uint32_t point = 0;  // from 1
  Citation citation;
  bool operator==(const PointCitation&) const = default;
};

// One response folded from its stream: 404 "response-not-found" when the
// stream is empty, or the corruption of an event that does not fold.
using ResponseLookup =
    std::function<Result<std::shared_ptr<const ResponseState>>(const std::string& id)>;

class ConsultationsView {
 public:
  void Apply(const events::DecodedEvent& e);
  // Decodes `e` (domain/events/decoded_event.h), then Apply().
  void Apply(const RecordedEvent& e);

  // 404 "consultation-not-found", or the stream's corruption.
  Result<std::shared_ptr<const ConsultationState>> GetConsultation(const std::string& id) const;
  // Up to `limit` consultations with id > after (by id); `agreement` filters when non-empty.
  std::vector<std::shared_ptr<const ConsultationState>> ListConsultations(
      const std::string& after, std::size_t limit, const std::string& agreement) const;

  // Change sets citing point `point` (from 1) of `response`, in log order.
  std::vector<Citation> CitationsOf(const std::string& response, std::uint32_t point) const;
  // Change sets citing any point of `response`: by point, then in log order.
  std::vector<PointCitation> CitationsOfResponse(const std::string& response) const;

  // The canonical JSON of the whole view (domain/snapshot/snapshot_json.h),
  // maps in key order. A stream that failed to fold keeps its status and its
  // state as it was before the failing event. FromSnapshot() restores the
  // view exactly; a bad shape is kCorruption, never a throw.
  nlohmann::json Snapshot() const;
  // The same snapshot written piece by piece (domain/snapshot/snapshot_sink.h),
  // one entry at a time, for the checkpoint encoder.
  void WriteSnapshot(snapshot::SnapshotSink& out) const;
  // The inverse, read piece by piece (domain/snapshot/snapshot_source.h) as
  // WriteSnapshot writes it: one entry's JSON at a time, for the checkpoint
  // decoder. kCorruption on a bad shape, never a throw. The caller checks
  // that nothing follows (snapshot::ReadWhole).
  static Result<ConsultationsView> ReadSnapshot(snapshot::SnapshotSource& in);
  // ReadSnapshot() over the JSON document `j`.
  static Result<ConsultationsView> FromSnapshot(const nlohmann::json& j);

 private:
  struct Entry {
    std::shared_ptr<ConsultationState> state;
    Status broken;
  };
  static ConsultationState& Mutable(Entry& entry);
  void ApplyCitations(const RecordedEvent& e, const agreements::ChangeSetRecorded& change);

  std::map<std::string, Entry> consultations_;
  std::map<std::pair<std::string, std::uint32_t>, std::vector<Citation>> citations_;
};

// Whether a change set of `agreement` may cite {response, point}: `response`
// (nullptr when there is no such response) has that point in its current
// revision and answers a consultation on that agreement. 422
// "invalid-citation" otherwise.
Status CheckCite(const std::string& agreement, const agreements::Cite& cite,
                 const ResponseState* response);

}  // namespace hoering::consultations
