#include "domain/projections/views.h"

#include "domain/events/decoded_event.h"
#include "domain/snapshot/snapshot_json.h"

namespace hoering::projections {

// Response and attachment streams are folded by no view in memory: the
// response index (server/app/response_index.h) and on-demand folds read them.
bool Views::Folds(const RecordedEvent& e) {
  auto starts = [&](std::string_view p) { return e.stream.compare(0, p.size(), p) == 0; };
  return !(starts("response-") || starts("attachment-")) || e.type == parties::kPartyRegistered;
}

void Views::Apply(const RecordedEvent& e) {
  if (!Folds(e)) return;
  const events::DecodedEvent d = events::DecodeEvent(e);
  parties.Apply(d);
  access.Apply(d);
  agreements.Apply(d);
  decisions.Apply(d);
  consultations.Apply(d);
  invitations.Apply(d);
}

nlohmann::json Views::Snapshot() const {
  return {{"access", access.Snapshot()},
          {"agreements", agreements.Snapshot()},
          {"consultations", consultations.Snapshot()},
          {"decisions", decisions.Snapshot()},
          {"invitations", invitations.Snapshot()},
          {"parties", parties.Snapshot()}};
}

namespace {
template <typename View>
Status Restore(const nlohmann::json& j, const char* key, View& out) {
  if (!j.is_object() || !j.contains(key)) {
    return Status(Code::kCorruption, std::string("snapshot has no '") + key + "'",
                  "snapshot-corrupt");
  }
  auto view = View::FromSnapshot(j.at(key));
  if (!view.ok()) return view.status();
  out = std::move(view).value();
  return Status::Ok();
}
}  // namespace

Result<Views> Views::FromSnapshot(const nlohmann::json& j) {
  Views v;
  for (Status s :
       {Restore(j, "access", v.access), Restore(j, "agreements", v.agreements),
        Restore(j, "consultations", v.consultations), Restore(j, "decisions", v.decisions),
        Restore(j, "invitations", v.invitations), Restore(j, "parties", v.parties)}) {
    if (!s.ok()) return s;
  }
  return v;
}

}  // namespace hoering::projections
