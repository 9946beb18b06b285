#include "domain/invitations/invitations_view.h"

#include "domain/events/decoded_event.h"

namespace hoering::invitations {
namespace {

constexpr std::string_view kStreamPrefix = "invitations-";

}  // namespace

void InvitationsView::Apply(const RecordedEvent& e) {
  Apply(events::DecodeEvent(e));
}

void InvitationsView::Apply(const events::DecodedEvent& d) {
  const RecordedEvent& e = d.envelope;
  if (e.stream.size() <= kStreamPrefix.size() ||
      e.stream.compare(0, kStreamPrefix.size(), kStreamPrefix) != 0) {
    return;
  }
  const std::string consultation = e.stream.substr(kStreamPrefix.size());
  streams_[consultation].version = e.stream_version;
  if (const auto* issued = d.As<InvitationIssued>()) {
    Issue(e, consultation, *issued);
  } else if (const auto* revoked = d.As<InvitationRevoked>()) {
    Revoke(e, *revoked);
  }
}

void InvitationsView::Issue(const RecordedEvent& e, const std::string& consultation,
                            const InvitationIssued& i) {
  if (by_id_.count(i.id)) return;  // ids are random; a repeat is ignored, never merged
  InvitationInfo info;
  info.id = i.id;
  info.consultation = consultation;
  info.party = i.party;
  info.code_sha256 = i.code_sha256;
  info.issued_at_ms = e.recorded_at_ms;
  info.position = e.position;
  id_by_hash_[info.code_sha256] = info.id;
  streams_[consultation].ids.push_back(info.id);
  by_id_[info.id] = std::move(info);
}

void InvitationsView::Revoke(const RecordedEvent& e, const InvitationRevoked& r) {
  auto it = by_id_.find(r.id);
  if (it == by_id_.end() || it->second.revoked) return;
  it->second.revoked = true;
  it->second.revoked_at_ms = e.recorded_at_ms;
  it->second.revoke_reason = r.reason;
}

const InvitationInfo* InvitationsView::Find(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &it->second;
}

const InvitationInfo* InvitationsView::FindByHash(const std::string& code_sha256) const {
  auto h = id_by_hash_.find(code_sha256);
  return h == id_by_hash_.end() ? nullptr : Find(h->second);
}

std::vector<InvitationInfo> InvitationsView::OfConsultation(const std::string& consultation) const {
  std::vector<InvitationInfo> out;
  auto s = streams_.find(consultation);
  if (s == streams_.end()) return out;
  out.reserve(s->second.ids.size());
  for (const auto& id : s->second.ids) {
    if (const InvitationInfo* info = Find(id)) out.push_back(*info);
  }
  return out;
}

std::uint64_t InvitationsView::StreamVersion(const std::string& consultation) const {
  auto s = streams_.find(consultation);
  return s == streams_.end() ? 0 : s->second.version;
}

}  // namespace hoering::invitations
