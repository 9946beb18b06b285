#include "domain/consultations/attachments.h"

#include <gtest/gtest.h>

#include "domain/sha256.h"
#include "tests/domain/consultations/domain_fixture.h"
#include "tests/support/expect_error.h"

namespace hoering::consultations {
namespace {

using dtest::Base64;
using nlohmann::json;

const std::string kPdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n";
const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8);
const std::string kJpeg("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);

json Attachment(const std::string& filename, const std::string& media_type,
                const std::string& bytes) {
  return {{"filename", filename}, {"media_type", media_type}, {"content_base64", Base64(bytes)}};
}

json BodyRaw(json attachments) {
  return {{"attachments", std::move(attachments)}};
}
json Body(std::vector<json> attachments) {
  return BodyRaw(json(std::move(attachments)));
}

// ParseAttachments refuses `body` with `code` and `type`.
void ExpectRejected(const json& body, Code code, const std::string& type,
                    std::uint64_t max = kDefaultMaxAttachmentBytes) {
  hoering::testing::ExpectError(ParseAttachments(body, max), code, type, body.dump());
}

TEST(AttachmentBase64, KnownVectorsWithAndWithoutPadding) {
  EXPECT_EQ(Base64("hello"), "aGVsbG8=");  // the test helper itself
  EXPECT_EQ(Base64("hell"), "aGVsbA==");
  EXPECT_EQ(Base64("hel"), "aGVs");
  EXPECT_EQ(DecodeBase64(""), std::string());
  EXPECT_EQ(DecodeBase64("aGVs"), "hel");        // no padding
  EXPECT_EQ(DecodeBase64("aGVsbG8="), "hello");  // one '='
  EXPECT_EQ(DecodeBase64("aGVsbA=="), "hell");   // two '='
  EXPECT_EQ(DecodeBase64("+/+/"), "\xFB\xFF\xBF");
  const std::string binary("\0\x01\xFE\xFF\x80 \0", 7);
  EXPECT_EQ(DecodeBase64(Base64(binary)), binary);
  EXPECT_EQ(DecodeBase64(Base64(kPng)), kPng);
}

TEST(AttachmentBase64, RejectsMalformedText) {
  for (const char* bad : {"aGVsbG8", "aGVsb", "a", "aGVsbG8==", "aGVs\nbG8=", "aGVs bG8=",
                          "aGV$bG8=", "aGVsbG8-", "aGVs=G8=", "aG==bG8=", "a===", "====", "=GVs"}) {
    EXPECT_EQ(DecodeBase64(bad), std::nullopt) << bad;
  }
}

TEST(AttachmentParse, AbsentOrNullIsNone) {
  EXPECT_TRUE(ParseAttachments(json::object(), 10)->empty());
  EXPECT_TRUE(ParseAttachments(BodyRaw(nullptr), 10)->empty());
  EXPECT_TRUE(ParseAttachments(BodyRaw(json::array()), 10)->empty());
}

TEST(AttachmentParse, RecordsSizeAndSha256OfTheDecodedBytes) {
  auto r = ParseAttachments(
      Body({Attachment("note.txt", "text/plain", "hello"),
            Attachment("h.pdf", "application/pdf", kPdf), Attachment("p.png", "image/png", kPng),
            Attachment("j.jpg", "image/jpeg", kJpeg)}),
      kDefaultMaxAttachmentBytes);
  ASSERT_TRUE(r.ok()) << r.status().detail();
  ASSERT_EQ(r->size(), 4u);
  const AttachmentRef& txt = (*r)[0].ref;
  EXPECT_EQ(txt.filename, "note.txt");
  EXPECT_EQ(txt.media_type, "text/plain");
  EXPECT_EQ(txt.size, 5u);
  EXPECT_EQ(txt.sha256, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  EXPECT_EQ((*r)[0].content_base64, "aGVsbG8=");
  EXPECT_EQ((*r)[1].ref.size, kPdf.size());
  EXPECT_EQ((*r)[1].ref.sha256, ToHex(Sha256(kPdf)));
  EXPECT_EQ((*r)[2].ref.sha256, ToHex(Sha256(kPng)));
  EXPECT_EQ((*r)[2].ref.size, 16u);
  EXPECT_EQ((*r)[3].ref.media_type, "image/jpeg");
}

TEST(AttachmentParse, MediaTypeMustBeAllowed) {
  for (const char* type : {"application/x-msdownload", "text/html", "image/svg+xml", "", "PDF"}) {
    ExpectRejected(Body({Attachment("x.bin", type, "hello")}), Code::kUnprocessable,
                   "attachment-type-not-allowed");
  }
  for (const auto& type : AllowedMediaTypes()) {
    const std::string bytes = type == "application/pdf" ? kPdf
                              : type == "image/png"     ? kPng
                              : type == "image/jpeg"    ? kJpeg
                                                        : "content";
    EXPECT_TRUE(ParseAttachments(Body({Attachment("f", type, bytes)}), 1000).ok()) << type;
  }
}

TEST(AttachmentParse, SignedFormatsMustMatchTheirContent) {
  ExpectRejected(Body({Attachment("h.pdf", "application/pdf", "hello, not a pdf")}),
                 Code::kUnprocessable, "attachment-content-mismatch");
  ExpectRejected(Body({Attachment("h.pdf", "application/pdf", "%PDF")}), Code::kUnprocessable,
                 "attachment-content-mismatch");
  ExpectRejected(Body({Attachment("p.png", "image/png", kJpeg)}), Code::kUnprocessable,
                 "attachment-content-mismatch");
  ExpectRejected(Body({Attachment("j.jpg", "image/jpeg", kPng)}), Code::kUnprocessable,
                 "attachment-content-mismatch");
  ExpectRejected(Body({Attachment("j.jpg", "image/jpeg", "\xFF\xD8")}), Code::kUnprocessable,
                 "attachment-content-mismatch");
}

TEST(AttachmentParse, TotalSizeIsLimited) {
  const std::string ten(10, 'x');
  EXPECT_TRUE(
      ParseAttachments(
          Body({Attachment("a", "text/plain", ten), Attachment("b", "text/plain", ten)}), 20)
          .ok());
  ExpectRejected(
      Body({Attachment("a", "text/plain", ten), Attachment("b", "text/plain", ten + "y")}),
      Code::kPayloadTooLarge, "attachments-too-large", 20);
  ExpectRejected(Body({Attachment("a", "text/plain", ten)}), Code::kPayloadTooLarge,
                 "attachments-too-large", 9);
}

TEST(AttachmentParse, MalformedEntriesAre400) {
  const json ok = Attachment("a.txt", "text/plain", "hello");
  std::vector<json> bad;
  for (const char* name : {"../a.txt", "dir/a.txt", "dir\\a.txt", ".", "..", "", "  "}) {
    json a = ok;
    a["filename"] = name;
    bad.push_back(Body({a}));
  }
  for (const char* key : {"filename", "media_type", "content_base64"}) {
    json a = ok;
    a.erase(key);
    bad.push_back(Body({a}));
  }
  json not_base64 = ok;
  not_base64["content_base64"] = "aGVsbG8";
  bad.push_back(Body({not_base64}));
  json empty = ok;
  empty["content_base64"] = "";
  bad.push_back(Body({empty}));
  bad.push_back(BodyRaw("a.txt"));
  bad.push_back(Body({"a.txt"}));
  json many = json::array();
  for (int i = 0; i < 21; ++i) many.push_back(ok);
  bad.push_back(BodyRaw(many));
  for (const json& body : bad) ExpectRejected(body, Code::kInvalidArgument, "invalid-field");
  many.erase(many.begin());
  EXPECT_TRUE(ParseAttachments(BodyRaw(many), kDefaultMaxAttachmentBytes).ok());
}

TEST(AttachmentParse, SubmissionCarriesTheRefs) {
  json body = dtest::SubmissionBody();
  body["attachments"] = json::array({Attachment("note.txt", "text/plain", "hello")});
  auto s = ParseSubmission(body);
  ASSERT_TRUE(s.ok()) << s.status().detail();
  ASSERT_EQ(s->content.attachments.size(), 1u);
  EXPECT_EQ(s->content.attachments[0], s->attachments[0].ref);
  EXPECT_EQ(s->content.attachments[0].size, 5u);
  auto small = ParseSubmission(body, 4);
  ASSERT_FALSE(small.ok());
  EXPECT_EQ(small.status().type(), "attachments-too-large");
}

}  // namespace
}  // namespace hoering::consultations
