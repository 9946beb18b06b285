// The web pages through a real server and HTTP client: GET a page, POST a
// form, read cookies and the CSRF secret a page carries.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/web/page.h"
#include "tests/server/app/consultation_fixture.h"
#include "tests/support/contains_all.h"

namespace hoering::testing {

using client::Headers;
using client::HttpResponse;
using client::Verb;

// The Set-Cookie value of `name` in an answer ("" when not set).
inline std::string SetCookie(const HttpResponse& r, const std::string& name) {
  for (const auto& [header, value] : r.headers.fields()) {
    if (header == "Set-Cookie" && value.starts_with(name + "=")) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return "";
}

// A form's fields in order, and their application/x-www-form-urlencoded body.
using Fields = std::vector<std::pair<std::string, std::string>>;
inline std::string Encoded(const Fields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += web::UrlEncode(name) + "=" + web::UrlEncode(value);
  }
  return out;
}

// A file of a multipart/form-data form.
struct FormFile {
  std::string filename;
  std::string media_type;
  std::string content;
  std::string field = "files";
};
// The boundary MultipartBody uses, and the Content-Type of such a body.
inline constexpr char kFormBoundary[] = "----hoeringtestboundary7a1b";
inline const std::string kMultipartType =
    std::string("multipart/form-data; boundary=") + kFormBoundary;
// The fields, then the files, as a multipart/form-data body.
inline std::string MultipartBody(const Fields& fields, const std::vector<FormFile>& files) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += std::string("--") + kFormBoundary + "\r\nContent-Disposition: form-data; name=\"" +
            name + "\"\r\n\r\n" + value + "\r\n";
  }
  for (const FormFile& f : files) {
    body += std::string("--") + kFormBoundary + "\r\nContent-Disposition: form-data; name=\"" +
            f.field + "\"; filename=\"" + f.filename + "\"\r\nContent-Type: " + f.media_type +
            "\r\n\r\n" + f.content + "\r\n";
  }
  return body + "--" + kFormBoundary + "--\r\n";
}
// A small PDF (with a NUL byte, so bytes must come back exact).
inline const std::string kFormPdf =
    std::string("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n") + std::string(1, '\0') +
    "trailer\n<<>>\n%%EOF\n";

class PagesTest : public ConsultationTest {
 protected:
  HttpResponse Get(const std::string& target, Headers headers = {}) {
    auto api = Anonymous();
    auto res = api.http().Send(Verb::get, target, "", "", headers);
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.status().detail());
    return res.ok() ? *res : HttpResponse{};
  }
  HttpResponse PostForm(const std::string& target, const std::string& form, Headers headers) {
    auto api = Anonymous();
    auto res =
        api.http().Send(Verb::post, target, form, "application/x-www-form-urlencoded", headers);
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.status().detail());
    return res.ok() ? *res : HttpResponse{};
  }
  static bool Has(const HttpResponse& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  }
  // Whether the page shows every one of `texts` (HasAll), or none of them
  // (HasNone); a failure names each text that is missing, or shown.
  static ::testing::AssertionResult HasAll(const HttpResponse& r,
                                           std::initializer_list<std::string_view> texts) {
    return ContainsAll(r.body, texts);
  }
  static ::testing::AssertionResult HasNone(const HttpResponse& r,
                                            std::initializer_list<std::string_view> texts) {
    return ContainsNone(r.body, texts);
  }
  // The CSRF secret the server set with a page.
  static std::string CsrfCookie(const HttpResponse& r) {
    for (const auto& [name, value] : r.headers.fields()) {
      if (name == "Set-Cookie" && value.starts_with("hoering_csrf=")) {
        return value.substr(13, value.find(';') - 13);
      }
    }
    return "";
  }
  void Close() { now_->store(kCloses + kDay); }
  HttpResponse Send(Verb verb, const std::string& target, const std::string& body,
                    const std::string& type, Headers headers) {
    auto api = Anonymous();
    auto res = api.http().Send(verb, target, body, type, headers);
    EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.status().detail());
    return res.ok() ? *res : HttpResponse{};
  }
  // The items of the (first page of the) list at `target` as `api` reads it;
  // [] and a failure when the read is refused.
  static nlohmann::json Items(client::Api api, const std::string& target) {
    auto r = api.Call(Verb::get, target);
    EXPECT_TRUE(r.ok()) << target;
    return r.ok() ? r->body["items"] : nlohmann::json::array();
  }
  // A session cookie ("hoering_session=...") signed in with `token`.
  std::string SignIn(const std::string& token) {
    return "hoering_session=" + SetCookie(Get("/sign-in?token=" + token), "hoering_session");
  }
  // The CSRF secret the forms of a page carry.
  static std::string FormCsrf(const HttpResponse& page) {
    const auto at = page.body.find("name=\"csrf\" value=\"");
    return at == std::string::npos ? "" : page.body.substr(at + 19, 64);
  }
  // Signs in with `token` for a test that posts forms: session_ is then the
  // session cookie and csrf_ the CSRF secret of the forms on `form_page`.
  void SignInForForms(const std::string& token, const std::string& form_page) {
    session_ = SignIn(token);
    csrf_ = FormCsrf(Get(form_page, {{"Cookie", session_}}));
    ASSERT_EQ(csrf_.size(), 64u);
  }
  std::string session_, csrf_;  // the session cookie, the CSRF secret (SignInForForms)
};

}  // namespace hoering::testing
