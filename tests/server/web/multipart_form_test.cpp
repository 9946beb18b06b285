#include "server/web/multipart_form.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hoering::web {
namespace {

using namespace std::string_literals;

constexpr std::string_view kBoundary = "----hoeringFormBoundary7MA4YWxkTrZu0gW";
const std::string kContentType = "multipart/form-data; boundary="s + std::string(kBoundary);
constexpr std::size_t kMaxFiles = 5;
constexpr std::size_t kMaxFieldBytes = 1000;

// One part as a browser sends it: the headers, a blank line, the bytes.
std::string Part(std::string_view headers, std::string_view content) {
  return "--"s + std::string(kBoundary) + "\r\n" + std::string(headers) + "\r\n" +
         std::string(content) + "\r\n";
}
std::string Field(std::string_view name, std::string_view value) {
  return Part("Content-Disposition: form-data; name=\""s + std::string(name) + "\"\r\n", value);
}
std::string File(std::string_view name, std::string_view filename, std::string_view media_type,
                 std::string_view content) {
  return Part("Content-Disposition: form-data; name=\""s + std::string(name) + "\"; filename=\"" +
                  std::string(filename) + "\"\r\nContent-Type: " + std::string(media_type) + "\r\n",
              content);
}
std::string End() {
  return "--"s + std::string(kBoundary) + "--\r\n";
}

Result<MultipartForm> Parse(std::string_view body, std::size_t max_files = kMaxFiles,
                            std::size_t max_field_bytes = kMaxFieldBytes) {
  return ParseMultipartForm(kContentType, body, max_files, max_field_bytes);
}

// The file names of the form's files, in order.
std::vector<std::string> FileNames(const MultipartForm& form) {
  std::vector<std::string> names;
  for (const UploadedFile& file : form.files) names.push_back(file.filename);
  return names;
}

void ExpectError(const Result<MultipartForm>& result, hoering::Code code, std::string_view type) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), code) << result.status().detail();
  EXPECT_EQ(result.status().type(), type) << result.status().detail();
}

// Bytes a text parser would trip over: NUL, CR LF, a line that looks like a
// boundary but is not one, and a trailing CR LF that belongs to the file.
const std::string kPdf =
    "%PDF-1.7\r\n\x00\x01\x02\xff\xfe binary\r\n\r\n--"s + "----hoering\n" + "\x00\r\n%%EOF\r\n"s;

TEST(MultipartFormTest, TextFieldsAndAFileComeBackByteExact) {
  ASSERT_NE(kPdf.find('\0'), std::string::npos);
  auto form = Parse(Field("csrf", "abc123") + Field("summary", "We agree.\r\nMostly.") +
                    File("attachment", "svar.pdf", "application/pdf", kPdf) + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  using Fields = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(form->fields, (Fields{{"csrf", "abc123"}, {"summary", "We agree.\r\nMostly."}}));
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].field, "attachment");
  EXPECT_EQ(form->files[0].filename, "svar.pdf");
  EXPECT_EQ(form->files[0].media_type, "application/pdf");
  EXPECT_EQ(form->files[0].content, kPdf);
}

TEST(MultipartFormTest, KeepsTheOrderOfFilesAndLowerCasesTheirTypes) {
  auto form = Parse(File("a", "1.png", "IMAGE/PNG", "\x89PNG") +
                    File("b", "2.jpg", "image/jpeg; name=\"2.jpg\"", "\xff\xd8\xff") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(FileNames(*form), (std::vector<std::string>{"1.png", "2.jpg"}));
  EXPECT_EQ(form->files[0].media_type, "image/png");
  EXPECT_EQ(form->files[1].media_type, "image/jpeg");
  EXPECT_EQ(form->files[1].content, "\xff\xd8\xff");
}

TEST(MultipartFormTest, AFileWithoutContentTypeIsOctetStream) {
  auto form = Parse(
      Part("Content-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n", "x") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].media_type, "application/octet-stream");
}

TEST(MultipartFormTest, Utf8ValuesAndFileNames) {
  auto form = Parse(Field("navn", "Ærø Kommune – høringssvar") +
                    File("raw", "Høringssvar æøå.pdf", "application/pdf", "1") +
                    Part("Content-Disposition: form-data; name=\"rfc2231\"; "
                         "filename*=UTF-8''H%C3%B8ringssvar%20%C3%A6%C3%B8%C3%A5.pdf\r\n",
                         "2") +
                    Part("Content-Disposition: form-data; name=\"rfc2047\"; "
                         "filename=\"=?UTF-8?B?SMO4cmluZ3NzdmFyLnBkZg==?=\"\r\n",
                         "3") +
                    End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->fields[0].second, "Ærø Kommune – høringssvar");
  EXPECT_EQ(FileNames(*form), (std::vector<std::string>{"Høringssvar æøå.pdf",
                                                        "Høringssvar æøå.pdf", "Høringssvar.pdf"}));
}

TEST(MultipartFormTest, AFileNameThatIsNotUtf8IsMadeUtf8) {
  auto form = Parse(File("f", "caf\xe9.pdf", "application/pdf", "x") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].filename, "café.pdf");  // GMime's fallback: ISO-8859-1
}

TEST(MultipartFormTest, AnEmptyFileInputIsSkipped) {
  auto form =
      Parse(Field("summary", "x") + File("attachment", "", "application/octet-stream", "") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  EXPECT_EQ(form->fields.size(), 1u);
  EXPECT_TRUE(form->files.empty());
}

TEST(MultipartFormTest, AFileNameKeepsOnlyItsLastPathSegment) {
  auto form = Parse(File("a", "C:\\x\\a.pdf", "application/pdf", "1") +
                    File("b", "/home/u/b.png", "image/png", "2") +
                    File("c", "\\\\server\\share\\c.jpg", "image/jpeg", "3") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  EXPECT_EQ(FileNames(*form), (std::vector<std::string>{"a.pdf", "b.png", "c.jpg"}));
}

TEST(MultipartFormTest, AMissingBoundaryIsInvalid) {
  const std::string body = Field("a", "1") + End();
  ExpectError(ParseMultipartForm("multipart/form-data", body, kMaxFiles, kMaxFieldBytes),
              Code::kInvalidArgument, "invalid-form");
  ExpectError(ParseMultipartForm("multipart/form-data; boundary=", body, kMaxFiles, kMaxFieldBytes),
              Code::kInvalidArgument, "invalid-form");
  ExpectError(
      ParseMultipartForm("application/x-www-form-urlencoded", "a=1", kMaxFiles, kMaxFieldBytes),
      Code::kInvalidArgument, "invalid-form");
  ExpectError(ParseMultipartForm("", body, kMaxFiles, kMaxFieldBytes), Code::kInvalidArgument,
              "invalid-form");
  ExpectError(ParseMultipartForm(kContentType + "\r\nX: y", body, kMaxFiles, kMaxFieldBytes),
              Code::kInvalidArgument, "invalid-form");
}

TEST(MultipartFormTest, ABodyWithAnotherBoundaryIsInvalid) {
  ExpectError(ParseMultipartForm("multipart/form-data; boundary=other", Field("a", "1") + End(),
                                 kMaxFiles, kMaxFieldBytes),
              Code::kInvalidArgument, "invalid-form");
  ExpectError(Parse(""), Code::kInvalidArgument, "invalid-form");
}

TEST(MultipartFormTest, ATruncatedBodyIsInvalidWhereverItIsCut) {
  const std::string body =
      Field("summary", "x") + File("attachment", "svar.pdf", "application/pdf", kPdf) + End();
  const std::size_t closed = body.size() - 2;  // up to and with the closing "--"
  for (std::size_t size = 0; size < body.size(); ++size) {
    auto form = Parse(std::string_view(body).substr(0, size));
    if (size >= closed) {
      ASSERT_TRUE(form.ok()) << size << ": " << form.status().detail();
      ASSERT_EQ(form->files.size(), 1u);
      EXPECT_EQ(form->files[0].content, kPdf) << size;
    } else {
      ExpectError(form, Code::kInvalidArgument, "invalid-form");
    }
  }
}

TEST(MultipartFormTest, TooManyFilesIsTooLarge) {
  std::string two =
      File("a", "1.pdf", "application/pdf", "1") + File("b", "2.pdf", "application/pdf", "2");
  EXPECT_TRUE(Parse(two + End(), 2).ok());
  ExpectError(Parse(two + File("c", "3.pdf", "application/pdf", "3") + End(), 2),
              Code::kPayloadTooLarge, "form-too-large");
  // Skipped empty file inputs do not count.
  EXPECT_TRUE(Parse(two + File("c", "", "application/octet-stream", "") + End(), 2).ok());
}

TEST(MultipartFormTest, AFieldOverTheLimitIsTooLarge) {
  EXPECT_TRUE(Parse(Field("summary", std::string(10, 'x')) + End(), kMaxFiles, 10).ok());
  ExpectError(Parse(Field("summary", std::string(11, 'x')) + End(), kMaxFiles, 10),
              Code::kPayloadTooLarge, "form-too-large");
  // The limit is for text fields; files have their own (the body's size).
  EXPECT_TRUE(
      Parse(File("f", "big.pdf", "application/pdf", std::string(11, 'x')) + End(), kMaxFiles, 10)
          .ok());
}

TEST(MultipartFormTest, ATextFieldThatIsNotUtf8IsInvalid) {
  ExpectError(Parse(Field("summary", "caf\xe9") + End()), Code::kInvalidArgument, "invalid-form");
  ExpectError(Parse(Field("summary", "a\0b"s) + End()), Code::kInvalidArgument, "invalid-form");
}

TEST(MultipartFormTest, PartsThatAreNoFormFieldsAreIgnored) {
  const std::string nested = "--"s + std::string(kBoundary) +
                             "\r\nContent-Type: multipart/mixed; boundary=inner\r\n"
                             "Content-Disposition: form-data; name=\"files\"\r\n\r\n"
                             "--inner\r\nContent-Disposition: file; filename=\"n.pdf\"\r\n\r\n"
                             "nested\r\n--inner--\r\n\r\n";
  auto form = Parse(Part("Content-Type: text/plain\r\n", "no disposition") +
                    Part("Content-Disposition: attachment; filename=\"a.pdf\"\r\n", "other") +
                    Part("Content-Disposition: form-data; filename=\"b.pdf\"\r\n", "no name") +
                    nested + Field("kept", "yes") + End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  using Fields = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(form->fields, (Fields{{"kept", "yes"}}));
  EXPECT_TRUE(form->files.empty());
}

TEST(MultipartFormTest, ATransferEncodingIsDecoded) {
  auto form = Parse(Part("Content-Disposition: form-data; name=\"f\"; filename=\"a.pdf\"\r\n"
                         "Content-Type: application/pdf\r\n"
                         "Content-Transfer-Encoding: base64\r\n",
                         "JVBERi0xLjcNCgABAg==") +
                    End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].content, "%PDF-1.7\r\n\x00\x01\x02"s);
}

TEST(MultipartFormTest, AMessageFileComesBackAsAFile) {
  // GMime parses message/rfc822 parts; the file is its serialisation (so the
  // page can refuse the type rather than silently lose the file).
  auto form = Parse(File("f", "mail.eml", "message/rfc822",
                         "Subject: Svar\r\nFrom: a@example.org\r\n\r\nHej\r\n") +
                    End());
  ASSERT_TRUE(form.ok()) << form.status().detail();
  ASSERT_EQ(form->files.size(), 1u);
  EXPECT_EQ(form->files[0].media_type, "message/rfc822");
  EXPECT_NE(form->files[0].content.find("Subject: Svar"), std::string::npos);
  EXPECT_NE(form->files[0].content.find("Hej"), std::string::npos);
}

TEST(MultipartFormTest, APreambleAnEpilogueAndNoFinalLineBreakChangeNoBytes) {
  const std::string end = "--"s + std::string(kBoundary) + "--";
  for (const std::string& tail : {end, end + "\r\n", end + "\r\nepilogue\r\n"}) {
    auto form = Parse("preamble\r\n" + File("f", "a.pdf", "application/pdf", kPdf + "\r\n") + tail);
    ASSERT_TRUE(form.ok()) << form.status().detail();
    ASSERT_EQ(form->files.size(), 1u);
    EXPECT_EQ(form->files[0].content, kPdf + "\r\n");
  }
}

TEST(MultipartFormTest, HostileBodiesAreAnswered) {
  // A megabyte of header.
  const std::string huge_header =
      "Content-Disposition: form-data; name=\"a\"\r\nX-Big: " + std::string(1 << 20, 'h') + "\r\n";
  auto big = Parse(Part(huge_header, "1") + End());
  ASSERT_TRUE(big.ok()) << big.status().detail();
  EXPECT_EQ(big->fields.size(), 1u);

  // Multiparts nested deeper than GMime follows (it stops at 1024).
  std::string nested;
  for (int i = 0; i < 3000; ++i) {
    nested += "--b" + std::to_string(i) + "\r\nContent-Type: multipart/mixed; boundary=b" +
              std::to_string(i + 1) + "\r\n\r\n";
  }
  auto deep =
      ParseMultipartForm("multipart/form-data; boundary=b0", nested, kMaxFiles, kMaxFieldBytes);
  EXPECT_FALSE(deep.ok() && !deep->files.empty());

  // Headers without values, a boundary and nothing else, NULs in headers.
  for (const std::string& body :
       {"--"s + std::string(kBoundary) + "\r\n", "--"s + std::string(kBoundary),
        "--"s + std::string(kBoundary) + "\r\n\r\n\r\n" + End(),
        Part("Content-Disposition: form-data; name=\"a\0b\"\r\n"s, "x") + End(),
        Part("Content-Disposition: form-data; name\r\n", "x") + End(),
        Part("Content-Disposition: form-data; name=\"unterminated\r\n", "x") + End(),
        Part(": no name\r\nContent-Disposition: form-data; name=\"a\"\r\n", "x") + End(),
        std::string(100000, '-'), std::string(1000, '\n')}) {
    auto form = Parse(body);
    if (!form.ok()) {
      EXPECT_EQ(form.status().type(), "invalid-form") << form.status().detail();
    }
  }
}

TEST(MultipartFormTest, ParsesOnManyThreadsAtOnce) {
  const std::string body =
      Field("summary", "x") + File("attachment", "svar.pdf", "application/pdf", kPdf) + End();
  std::vector<std::thread> threads;
  std::atomic<int> good = 0;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        auto form = Parse(body);
        if (form.ok() && form->files.size() == 1 && form->files[0].content == kPdf) ++good;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(good, 200);
}

}  // namespace
}  // namespace hoering::web
