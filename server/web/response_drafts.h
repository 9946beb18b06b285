// Response drafts: the working copy of a party's response form (issue 14),
// kept between requests (save, add a point, a validation error, an upload)
// and across restarts in the local state store, outside the log: a draft is
// not an event, is never verified or exported, and is private to its party.
//
// Key: "draft/<party>/<consultation>/<target>", target "new" for a response
// not yet submitted, else the response id being amended, so a party has one
// working copy per response. A draft expires 30 days after its
// consultation's effective close (expires_at, set by the caller); an expired
// one reads as absent and is deleted, and Sweep() removes them all.
// Thread safety: any thread (the store's methods are).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/status.h"
#include "domain/time.h"
#include "storage/local_state_store.h"

namespace hoering::web {

struct DraftPoint {
  std::string section;  // "" for a point on the whole text
  std::string quote;
  std::string text;
};

// An uploaded file kept with the draft, so a validation error never asks
// for it again.
struct DraftAttachment {
  std::string filename;
  std::string media_type;
  std::string content_base64;
  std::uint64_t size = 0;
};

struct ResponseDraft {
  std::string author_name;
  std::string author_email;
  std::string publication;  // "public" | "anonymous" | "private" | ""
  std::string summary;
  std::vector<DraftPoint> points;
  std::vector<DraftAttachment> attachments;
  // For an amendment: the response's stream version the form was opened at
  // (its If-Match); 0 for a new response.
  std::uint64_t version = 0;
  TimeMs saved_at = 0;
  TimeMs expires_at = 0;

  // The body of POST /v1/consultations/{id}/responses for `party`
  // (consultations::ParseSubmission reads it): empty optional fields left
  // out, the same JSON pointers ("/points/1/quote") as the API's errors.
  nlohmann::json SubmissionBody(const std::string& party) const;
};

class ResponseDrafts {
 public:
  explicit ResponseDrafts(LocalStateStore& store) : store_(store) {}

  // The live draft, or nullopt (none, or expired at `now`: then deleted).
  Result<std::optional<ResponseDraft>> Load(const std::string& party,
                                            const std::string& consultation,
                                            const std::string& target, TimeMs now);
  Status Save(const std::string& party, const std::string& consultation, const std::string& target,
              const ResponseDraft& draft);
  Status Discard(const std::string& party, const std::string& consultation,
                 const std::string& target);
  // Deletes every draft expired at `now`; returns how many.
  Result<std::size_t> Sweep(TimeMs now);

 private:
  LocalStateStore& store_;
};

inline constexpr std::string_view kNewResponseDraft = "new";

}  // namespace hoering::web
