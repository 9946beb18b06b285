// The text editor (/manage/agreements/{id}/edit) and the diff's why column
// through a real server and HTTP client: who may open it, a section saved
// with a rationale and a cited point, a refusal at its field with the input
// kept and nothing written, a stale save shown as a conflict and then
// applied, add / move / remove, import and publish, and the why column for
// the secretariat but not for anonymous readers. The browser tests
// (tests/web/editor.test.mjs) drive the same flows in Chromium.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "domain/sha256.h"
#include "server/web/page.h"
#include "tests/server/web/pages_fixture.h"

namespace hoering::testing {
namespace {

class EditorPagesTest : public PagesTest {
 protected:
  void SetUp() override {
    PagesTest::SetUp();
    SignInForForms(secretariat_, "/manage/agreements/sa/edit");
  }
  HttpResponse Post(const std::string& path, Fields fields) {
    fields.emplace_back("csrf", csrf_);
    return PostForm("/manage/agreements/sa/edit" + path, Encoded(fields), {{"Cookie", session_}});
  }
  // The working text's section `id` as the API shows it.
  nlohmann::json Section(const std::string& id) {
    auto shown = Anonymous().Call(Verb::get, "/v1/agreements/sa");
    EXPECT_TRUE(shown.ok());
    nlohmann::json found;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& list) {
      for (const auto& s : list) {
        if (s["id"] == id) found = s;
        walk(s["children"]);
      }
    };
    if (shown.ok()) walk(shown->body["sections"]);
    return found;
  }
  std::string Head() {
    auto shown = Anonymous().Call(Verb::get, "/v1/agreements/sa");
    return shown.ok() ? shown->etag : "";
  }
  Fields Edit(const std::string& body, const std::string& sha, const std::string& rationale) {
    return {{"section", "kap-1"}, {"heading", "Forord"},    {"kind", "chapter"}, {"body", body},
            {"body_sha256", sha}, {"rationale", rationale}, {"action", "save"}};
  }
};

TEST_F(EditorPagesTest, OnlyEditorsMayOpenIt) {
  HttpResponse anonymous = Get("/manage/agreements/sa/edit");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(std::string(anonymous.headers.Get("Location").value_or("")),
            "/sign-in?next=" + web::UrlEncode("/manage/agreements/sa/edit"));
  EXPECT_EQ(Get("/manage/agreements/sa/edit", {{"Cookie", SignIn(aarhus_)}}).status, 403);
  EXPECT_EQ(Get("/manage/agreements/sa/edit", {{"Cookie", SignIn(auditor_)}}).status, 403);
  HttpResponse page = Get("/manage/agreements/sa/edit", {{"Cookie", session_}});
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page, "?section=kap-1#section-form"));
  EXPECT_EQ(Get("/manage/agreements/nope/edit", {{"Cookie", session_}}).status, 404);
  EXPECT_EQ(Get("/manage/agreements/sa/edit?section=nope", {{"Cookie", session_}}).status, 404);
  // A stakeholder's POST is refused and writes nothing.
  const std::string head = Head();
  std::string aarhus = SignIn(aarhus_);
  std::string their_csrf = FormCsrf(Get("/", {{"Cookie", aarhus}}));
  Fields f = Edit("x", "", "r");
  f.emplace_back("csrf", their_csrf);
  EXPECT_EQ(PostForm("/manage/agreements/sa/edit", Encoded(f), {{"Cookie", aarhus}}).status, 403);
  EXPECT_EQ(Head(), head);
}

TEST_F(EditorPagesTest, ASectionFormCarriesTheBodyHashAndSavesAChangeSetCitingAPoint) {
  const std::string rid = Submit(aarhus_, ResponseBody("aarhus"));
  HttpResponse form =
      Get("/manage/agreements/sa/edit?section=kap-1&q=point%20ONE", {{"Cookie", session_}});
  ASSERT_EQ(form.status, 200);
  const std::string sha = Section("kap-1")["body_sha256"];
  EXPECT_TRUE(Has(form, "name=\"body_sha256\" value=\"" + sha + "\""));
  EXPECT_TRUE(Has(form, "value=\"" + rid + ":1\""));   // "Point one" matches
  EXPECT_FALSE(Has(form, "value=\"" + rid + ":2\""));  // "Point two" does not
  Fields f = Edit("Ny tekst til forordet.", sha, "Svar på Aarhus' punkt 1");
  f.emplace_back("cite", rid + ":1");
  HttpResponse saved = Post("", f);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_NE(saved.headers.Get("Location").value_or("").find("saved=c-2"), std::string::npos);
  EXPECT_EQ(Section("kap-1")["body"], "Ny tekst til forordet.");
  auto changes = Anonymous().Call(Verb::get, "/v1/agreements/sa/changes?from=1&to=current");
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(changes->body["items"].size(), 1u);
  EXPECT_EQ(changes->body["items"][0]["rationale"], "Svar på Aarhus' punkt 1");
  EXPECT_EQ(changes->body["items"][0]["cites"][0]["response"], rid);
}

TEST_F(EditorPagesTest, ProblemsAreShownAtTheirFieldsWithTheInputKeptAndNothingWritten) {
  const std::string head = Head();
  const std::string sha = Section("kap-1")["body_sha256"];
  HttpResponse no_rationale = Post("", Edit("Kept <b>text</b>", sha, ""));
  EXPECT_EQ(no_rationale.status, 422);
  EXPECT_TRUE(HasAll(no_rationale, {"id=\"rationale-error\"", "href=\"#rationale\"",
                                    "Kept &lt;b&gt;text&lt;/b&gt;"}));
  HttpResponse bad_cite = Post("", [&] {
    Fields f = Edit("Other", sha, "r");
    f.emplace_back("cite", "r-nope:1");
    return f;
  }());
  EXPECT_EQ(bad_cite.status, 422);
  EXPECT_TRUE(Has(bad_cite, "id=\"cites-error\""));
  HttpResponse heading_in_body = Post("", Edit("# Not a body", sha, "r"));
  EXPECT_EQ(heading_in_body.status, 422);
  EXPECT_TRUE(Has(heading_in_body, "id=\"body-error\""));
  HttpResponse first = Post("", {{"section", "om-aftalen"},
                                 {"body_sha256", Section("om-aftalen")["body_sha256"]},
                                 {"rationale", "r"},
                                 {"action", "up"}});
  EXPECT_EQ(first.status, 422);
  EXPECT_TRUE(Has(first, "id=\"section-actions-error\""));
  HttpResponse empty_import = Post("/import", {{"import_markdown", "  "}});
  EXPECT_EQ(empty_import.status, 422);
  EXPECT_TRUE(Has(empty_import, "id=\"import_markdown-error\""));
  HttpResponse same_label = Post("/publish", {{"label", "consultation draft"}});
  EXPECT_EQ(same_label.status, 422);
  EXPECT_TRUE(Has(same_label, "id=\"label-error\""));
  HttpResponse search = Post("", [&] {
    Fields f = Edit("Typed but not saved", sha, "");
    f.back() = {"action", "search"};
    return f;
  }());
  EXPECT_EQ(search.status, 200);
  EXPECT_TRUE(Has(search, "Typed but not saved"));
  EXPECT_EQ(Head(), head);
}

TEST_F(EditorPagesTest, AStaleSaveIsAConflictWithBothTextsAndTheNextSaveApplies) {
  const std::string seen = Section("kap-1")["body_sha256"];
  auto theirs =
      admin_->Call(Verb::post, "/v1/agreements/sa/changes",
                   {{"rationale", "theirs"},
                    {"ops", {{{"op", "edit"}, {"id", "kap-1"}, {"body", "Their text."}}}}});
  ASSERT_TRUE(theirs.ok());
  // An edit of another section read before does not conflict.
  HttpResponse other = Post("", {{"section", "kap-2"},
                                 {"heading", "Visioner"},
                                 {"kind", "chapter"},
                                 {"body", "Other section's new text."},
                                 {"body_sha256", Section("kap-2")["body_sha256"]},
                                 {"rationale", "other"},
                                 {"action", "save"}});
  EXPECT_EQ(other.status, 303) << other.body.substr(0, 3000);
  const std::string head = Head();
  HttpResponse stale = Post("", Edit("My text.", seen, "mine"));
  ASSERT_EQ(stale.status, 412);
  EXPECT_TRUE(HasAll(stale, {"id=\"conflict\"", "My text.", "Their text."}));
  const std::string now = ToHex(Sha256("Their text."));
  EXPECT_TRUE(Has(stale, "name=\"body_sha256\" value=\"" + now + "\""));
  EXPECT_EQ(Head(), head);
  HttpResponse again = Post("", Edit("My text.", now, "mine"));
  EXPECT_EQ(again.status, 303) << again.body.substr(0, 3000);
  EXPECT_EQ(Section("kap-1")["body"], "My text.");
}

TEST_F(EditorPagesTest, AddMoveRemoveImportAndPublish) {
  HttpResponse added = Post("", {{"section", "new"},
                                 {"kind", "text"},
                                 {"heading", "Ny sektion"},
                                 {"body", "Indhold"},
                                 {"parent", ""},
                                 {"rationale", "tilføjet"},
                                 {"action", "add"}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 3000);
  const std::string location(added.headers.Get("Location").value_or(""));
  const auto at = location.find("section=");
  ASSERT_NE(at, std::string::npos);
  const std::string id = location.substr(at + 8, location.find('#') - at - 8);
  ASSERT_FALSE(Section(id).is_null()) << location;
  auto up = [&] {
    return Post("", {{"section", id},
                     {"body_sha256", Section(id)["body_sha256"]},
                     {"rationale", "op"},
                     {"action", "up"}});
  };
  EXPECT_EQ(up().status, 303);
  auto top = Anonymous().Call(Verb::get, "/v1/agreements/sa");
  ASSERT_TRUE(top.ok());
  const auto& sections = top->body["sections"];
  EXPECT_EQ(sections[sections.size() - 2]["id"], id);
  HttpResponse published = Post("/publish", {{"label", "endelig"}, {"note", ""}});
  ASSERT_EQ(published.status, 303) << published.body.substr(0, 3000);
  EXPECT_NE(published.headers.Get("Location").value_or("").find("published=2"), std::string::npos);
  HttpResponse removed = Post("", {{"section", id},
                                   {"body_sha256", Section(id)["body_sha256"]},
                                   {"rationale", "fjernet"},
                                   {"action", "remove"}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_TRUE(Section(id).is_null());
  HttpResponse imported =
      Post("/import", {{"import_markdown", "# Alt nyt {#alt kind=text}\n\nHele teksten.\n"},
                       {"import_rationale", ""}});
  EXPECT_EQ(imported.status, 303) << imported.body.substr(0, 3000);
  EXPECT_EQ(Section("alt")["body"], "Hele teksten.");
}

TEST_F(EditorPagesTest, TheDiffShowsWhyToTheSecretariatOnly) {
  const std::string rid = Submit(aarhus_, ResponseBody("aarhus"));
  Fields f =
      Edit("Forordet er skrevet om.", Section("kap-1")["body_sha256"], "Fordi Aarhus bad om det");
  f.emplace_back("cite", rid + ":1");
  ASSERT_EQ(Post("", f).status, 303);
  ASSERT_EQ(Post("/publish", {{"label", "endelig"}}).status, 303);
  HttpResponse why = Get("/agreements/sa/diff?from=1&to=2", {{"Cookie", session_}});
  EXPECT_EQ(why.status, 200);
  EXPECT_TRUE(Has(why, "Fordi Aarhus bad om det"));
  EXPECT_TRUE(Has(why, "href=\"/consultations/h1/responses/" + rid + "\""));
  // Each "why" landmark is named by its heading and its section's, so no two
  // share a name (axe landmark-unique).
  EXPECT_TRUE(Has(why, "<aside class=\"diff-why\" aria-labelledby=\"why-kap-1 diff-kap-1\">"));
  EXPECT_TRUE(Has(Get("/agreements/sa/diff?from=1&to=2", {{"Cookie", SignIn(auditor_)}}),
                  "Fordi Aarhus bad om det"));
  HttpResponse anonymous = Get("/agreements/sa/diff?from=1&to=2");
  EXPECT_EQ(anonymous.status, 200);
  EXPECT_FALSE(Has(anonymous, "Fordi Aarhus bad om det"));
  EXPECT_FALSE(Has(anonymous, "diff-why"));
}

}  // namespace
}  // namespace hoering::testing
