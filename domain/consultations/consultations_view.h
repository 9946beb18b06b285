// Read model of consultations, responses, attachments and citations, fed
// with every event of the log in order (other streams are ignored).
//
//  * consultations by id, responses by id (copy-on-write shared states, so a
//    reader can render without holding the server's lock), and each
//    consultation's responses in order of first submission;
//  * attachments by SHA-256 (metadata; the bytes stay in the log);
//  * citations: which change sets cite a response point, from the
//    ChangeSetRecorded events of agreement streams.
// Not thread-safe by itself (the server's ReadModels guards it).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/agreements/agreement_events.h"
#include "domain/consultations/consultation_state.h"
#include "domain/consultations/response_state.h"

namespace hoering::consultations {

struct AttachmentInfo {
  std::string media_type;
  std::uint64_t size = 0;
  std::uint64_t position = 0;  // the AttachmentStored event
};

struct Citation {
  std::string agreement;
  std::string change;
  std::uint64_t position = 0;
};

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

  // 404 "response-not-found", or the stream's corruption.
  Result<std::shared_ptr<const ResponseState>> GetResponse(const std::string& id) const;
  // The consultation's responses in order of first submission.
  std::vector<std::shared_ptr<const ResponseState>> ResponsesOf(
      const std::string& consultation) const;

  const AttachmentInfo* FindAttachment(const std::string& sha256) const;

  // Change sets citing point `point` (from 1) of `response`, in log order.
  std::vector<Citation> CitationsOf(const std::string& response, std::uint32_t point) const;

  // Whether a change set of `agreement` may cite {response, point}: the
  // response exists, has that point (in its current revision) and answers a
  // consultation on that agreement. 422 "invalid-citation" otherwise.
  Status CheckCite(const std::string& agreement, const agreements::Cite& cite) const;

  // The canonical JSON of the whole view (domain/snapshot/snapshot_json.h):
  // hash maps in key order, each consultation's responses in their order.
  // A stream that failed to fold keeps its status and its state as it was
  // before the failing event (CheckCite still reads it). FromSnapshot()
  // restores the view exactly; a bad shape is kCorruption, never a throw.
  nlohmann::json Snapshot() const;
  static Result<ConsultationsView> FromSnapshot(const nlohmann::json& j);

  // Parallel folding from position 1 (projections::FoldInShards): response
  // streams are independent of each other, so their events may be folded in
  // separate views, one per shard, and merged afterwards.
  // The shard (0..shards-1) of a "response-" stream event; nullopt otherwise.
  static std::optional<std::size_t> ResponseShard(const RecordedEvent& e, std::size_t shards);
  // Takes over the responses of `other`, a view fed only the response events
  // of other shards (disjoint streams) of the same log prefix; the
  // consultations' response lists are merged in order of first submission,
  // exactly as folding all events in log order would have listed them.
  void MergeResponsesFrom(ConsultationsView&& other);
  // The inverse, for writing a view in parallel parts: moves the responses of
  // shard `shard` (as ResponseShard numbers them) with their places in the
  // consultations' response lists into a new view. MergeResponsesFrom() of
  // the result restores this view exactly.
  ConsultationsView TakeResponseShard(std::size_t shard, std::size_t shards);

 private:
  template <typename T>
  struct Entry {
    std::shared_ptr<T> state;
    Status broken;
  };
  template <typename T>
  static T& Mutable(Entry<T>& entry);
  void ApplyCitations(const RecordedEvent& e, const agreements::ChangeSetRecorded& change);

  std::map<std::string, Entry<ConsultationState>> consultations_;
  std::unordered_map<std::string, Entry<ResponseState>> responses_;
  std::unordered_map<std::string, std::vector<std::string>> by_consultation_;
  std::unordered_map<std::string, AttachmentInfo> attachments_;
  std::map<std::pair<std::string, std::uint32_t>, std::vector<Citation>> citations_;
};

}  // namespace hoering::consultations
