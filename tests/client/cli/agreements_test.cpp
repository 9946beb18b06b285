// `hoering agreement ...` against the scripted FakeServer: what each command
// sends (method, target, headers, body), how it prints the answer, and the
// usage errors caught before anything is sent.
#include <gtest/gtest.h>

#include "client/cli/cli.h"
#include "tests/client/fake_server.h"
#include "tests/support/files.h"

namespace hoering::client {
namespace {

using nlohmann::json;

using hoering::testing::CliRun;
using hoering::testing::WriteFileIn;

FakeReply WithEtag(FakeReply r, const std::string& etag) {
  r.headers.emplace_back("ETag", etag);
  return r;
}

FakeReply Text(const std::string& body, const std::string& type) {
  FakeReply r;
  r.body = body;
  r.content_type = type;
  return r;
}

const char* kAgreement = R"({
  "id": "sa", "title": "Sundhedsaftalen", "subtitle": "Nærhed",
  "term": {"entry_into_force": "2024-01-01", "years": 4}, "parties": ["rm", "aarhus"],
  "version": {"number": 1, "label": "consultation draft", "hash": "0123456789abcdef0123"},
  "sections": [
    {"id": "kap-1", "kind": "chapter", "heading": "Forord", "body": "Alle borgere.", "children": []},
    {"id": "kap-2", "kind": "chapter", "heading": "Visioner", "body": "", "children": [
      {"id": "vision-1", "kind": "vision", "heading": "Sammenhæng", "body": "Linje 1\n\nLinje 2",
       "children": []}]}]})";

TEST(CliAgreementsTest, CreateSendsTheTermAndPartiesAndPrintsTheAnswer) {
  FakeServer server([](const FakeRequest&) {
    return WithEtag(Json(201, R"({"id":"sa","title":"T","term":{"entry_into_force":"2024-01-01",)"
                              R"("years":4},"parties":["rm","aarhus"],"position":7,"hash":"ab"})"),
                    "\"1\"");
  });
  CliRun r = RunCliOn(
      server, {"agreement", "create", "--id", "sa", "--title", "T", "--entry-into-force",
               "2024-01-01", "--party", "rm", "--party", "aarhus", "--idempotency-key", "k1"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "id:        sa\n"
            "title:     T\n"
            "term:      4 years from 2024-01-01\n"
            "parties:   rm, aarhus\n"
            "position:  7\n"
            "hash:      ab\n"
            "etag:      \"1\"\n");
  const FakeRequest req = server.requests().at(0);
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/v1/agreements");
  EXPECT_EQ(req.headers.at("idempotency-key"), "k1");
  EXPECT_EQ(json::parse(req.body),
            (json{{"id", "sa"},
                  {"title", "T"},
                  {"term", {{"years", 4}, {"entry_into_force", "2024-01-01"}}},
                  {"parties", {"rm", "aarhus"}}}));
}

TEST(CliAgreementsTest, CreateChecksItsArgumentsBeforeSending) {
  FakeServer server([](const FakeRequest&) { return Json(201, "{}"); });
  EXPECT_EQ(RunCliOn(server, {"agreement", "create", "--id", "x", "--title", "T",
                              "--entry-into-force", "2024-02-30"})
                .code,
            kExitUsage);
  EXPECT_EQ(RunCliOn(server, {"agreement", "create", "--id", "x", "--title", "T",
                              "--entry-into-force", "1/1/2024"})
                .code,
            kExitUsage);
  EXPECT_EQ(
      RunCliOn(server, {"agreement", "create", "--id", "x", "--title", "T", "--years", "0"}).code,
      kExitUsage);
  EXPECT_EQ(RunCliOn(server, {"agreement", "create", "--title", "T"}).code, kExitUsage);
  EXPECT_TRUE(server.requests().empty());
}

TEST(CliAgreementsTest, ListIsATable) {
  FakeServer server([](const FakeRequest&) {
    return Json(200, R"({"items":[{"id":"sa","title":"Sundhedsaftalen","section_count":3,)"
                     R"("created_at":"2023-08-25T10:00:00.000Z",)"
                     R"("version":{"number":2,"label":"final"}},)"
                     R"({"id":"sb","title":"B","section_count":0,"version":null,)"
                     R"("created_at":"2023-08-26T10:00:00.000Z"}],"next":null})");
  });
  CliRun r = RunCliOn(server, {"agreements", "list"});  // the plural is an alias
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "ID  TITLE            VERSION    SECTIONS  CREATED\n"
            "--  ---------------  ---------  --------  ------------------------\n"
            "sa  Sundhedsaftalen  2 \"final\"         3  2023-08-25T10:00:00.000Z\n"
            "sb  B                                  0  2023-08-26T10:00:00.000Z\n");
}

TEST(CliAgreementsTest, ShowPrintsTheHeaderAndAnIndentedOutline) {
  FakeServer server([](const FakeRequest&) { return WithEtag(Json(200, kAgreement), "\"5\""); });
  CliRun r = RunCliOn(server, {"agreement", "show", "sa", "--at", "consultation draft"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "id:        sa\n"
            "title:     Sundhedsaftalen\n"
            "subtitle:  Nærhed\n"
            "term:      4 years from 2024-01-01\n"
            "parties:   rm, aarhus\n"
            "version:   1 \"consultation draft\"  0123456789ab\n"
            "etag:      \"5\"\n"
            "\n"
            "kap-1 [chapter] Forord\n"
            "kap-2 [chapter] Visioner\n"
            "  vision-1 [vision] Sammenhæng\n");
  EXPECT_EQ(server.requests().at(0).target, "/v1/agreements/sa?at=consultation%20draft");

  CliRun bodies = RunCliOn(server, {"agreement", "show", "sa", "--bodies"});
  ASSERT_EQ(bodies.code, kExitOk) << bodies.err;
  EXPECT_NE(bodies.out.find("kap-1 [chapter] Forord\n    Alle borgere.\nkap-2"), std::string::npos)
      << bodies.out;
  EXPECT_NE(bodies.out.find("  vision-1 [vision] Sammenhæng\n      Linje 1\n\n      Linje 2\n"),
            std::string::npos)
      << bodies.out;

  CliRun raw = RunCliOn(server, {"--json", "agreement", "show", "sa"});
  ASSERT_EQ(raw.code, kExitOk);
  EXPECT_EQ(json::parse(raw.out), json::parse(kAgreement));
}

TEST(CliAgreementsTest, ShowMarkdownPrintsTheServersMarkdownOrRendersTheJson) {
  FakeServer md_server([](const FakeRequest&) {
    return Text("# Forord {#kap-1 kind=chapter}\n\nAlle.\n", "text/markdown; charset=utf-8");
  });
  CliRun r = RunCliOn(md_server, {"agreement", "show", "sa", "--markdown", "--at", "1"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "# Forord {#kap-1 kind=chapter}\n\nAlle.\n");
  EXPECT_EQ(md_server.requests().at(0).target, "/v1/agreements/sa?at=1&format=md");

  // A server that answers JSON anyway: rendered on the client.
  FakeServer json_server([](const FakeRequest&) { return Json(200, kAgreement); });
  CliRun j = RunCliOn(json_server, {"agreement", "show", "sa", "--markdown"});
  ASSERT_EQ(j.code, kExitOk) << j.err;
  EXPECT_EQ(j.out.rfind("# Forord {#kap-1 kind=chapter}\n\nAlle borgere.\n", 0), 0u) << j.out;
  EXPECT_NE(j.out.find("## Sammenhæng {#vision-1 kind=vision}"), std::string::npos) << j.out;

  EXPECT_EQ(RunCliOn(json_server, {"--json", "agreement", "show", "sa", "--markdown"}).code,
            kExitUsage);
}

TEST(CliAgreementsTest, ImportPostsTheMarkdownWithTheRationale) {
  ::hoering::testing::TempDir dir;
  const std::string path = WriteFileIn(dir, "a.md", "# Forord {#kap-1}\n\nTekst.\n");
  FakeServer server([](const FakeRequest&) {
    return WithEtag(Json(201, R"({"change":"c-1","position":9})"), "\"2\"");
  });
  CliRun r = RunCliOn(server, {"agreement", "import", "sa", path, "--rationale", "From the PDF",
                               "--if-match", "1"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "change:    c-1\n"
            "position:  9\n"
            "etag:      \"2\"\n");
  const FakeRequest req = server.requests().at(0);
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.target, "/v1/agreements/sa/import?rationale=From%20the%20PDF");
  EXPECT_EQ(req.headers.at("content-type").rfind("text/markdown", 0), 0u);
  EXPECT_EQ(req.headers.at("if-match"), "\"1\"");
  EXPECT_EQ(req.body, "# Forord {#kap-1}\n\nTekst.\n");

  CliRun missing = RunCliOn(server, {"agreement", "import", "sa", dir.str() + "/none.md"});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(CliAgreementsTest, ChangeFromOpsAndCites) {
  FakeServer server([](const FakeRequest&) {
    return WithEtag(Json(201, R"({"change":"c-2","position":10})"), "\"3\"");
  });
  CliRun r = RunCliOn(server, {"agreement", "change", "sa", "--rationale", "Clearer", "--op",
                               R"({"op":"edit","id":"kap-1","body":"Ny tekst."})", "--op",
                               R"({"op":"remove","id":"kap-9"})", "--cite", "r-1:2", "--if-match",
                               "\"2\"", "--idempotency-key", "k2"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "change:    c-2\n"
            "position:  10\n"
            "etag:      \"3\"\n");
  const FakeRequest req = server.requests().at(0);
  EXPECT_EQ(req.target, "/v1/agreements/sa/changes");
  EXPECT_EQ(req.headers.at("if-match"), "\"2\"");
  EXPECT_EQ(req.headers.at("idempotency-key"), "k2");
  EXPECT_EQ(json::parse(req.body), (json{{"rationale", "Clearer"},
                                         {"cites", {{{"response", "r-1"}, {"point", "2"}}}},
                                         {"ops",
                                          {{{"op", "edit"}, {"id", "kap-1"}, {"body", "Ny tekst."}},
                                           {{"op", "remove"}, {"id", "kap-9"}}}}}));
}

TEST(CliAgreementsTest, ChangeFromAFileSendsItAsIs) {
  ::hoering::testing::TempDir dir;
  const json body = {{"rationale", "R"},
                     {"cites", json::array()},
                     {"ops", {{{"op", "move"}, {"id", "a"}, {"parent", "b"}}}}};
  const std::string path = WriteFileIn(dir, "ops.json", body.dump());
  FakeServer server([](const FakeRequest&) { return Json(201, R"({"change":"c-3"})"); });
  CliRun r = RunCliOn(server, {"agreement", "change", "sa", "--file", path});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(json::parse(server.requests().at(0).body), body);
}

TEST(CliAgreementsTest, ChangeUsageErrorsSendNothing) {
  ::hoering::testing::TempDir dir;
  const std::string not_json = WriteFileIn(dir, "bad.json", "[1, 2");
  FakeServer server([](const FakeRequest&) { return Json(201, "{}"); });
  const std::string op = R"({"op":"remove","id":"x"})";
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"agreement", "change", "sa"},
           {"agreement", "change", "sa", "--op", op},
           {"agreement", "change", "sa", "--rationale", "R"},
           {"agreement", "change", "sa", "--rationale", "R", "--op", "{not json"},
           {"agreement", "change", "sa", "--rationale", "R", "--op", "[1]"},
           {"agreement", "change", "sa", "--rationale", "R", "--op", op, "--cite", "r-1"},
           {"agreement", "change", "sa", "--file", not_json},
           {"agreement", "change", "sa", "--file", dir.str() + "/none.json"},
           {"agreement", "change", "sa", "--file", not_json, "--op", op},
       }) {
    CliRun r = RunCliOn(server, args);
    EXPECT_EQ(r.code, kExitUsage) << args.back() << ": " << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  EXPECT_TRUE(server.requests().empty());
}

TEST(CliAgreementsTest, PublishAndVersions) {
  FakeServer server([](const FakeRequest& req) {
    if (req.method == "POST") {
      return Json(201, R"({"number":2,"label":"final","hash":"ab12","position":20})");
    }
    return Json(200, R"({"items":[{"number":1,"label":"consultation draft",)"
                     R"("hash":"00112233445566778899","changes":1,"position":5,)"
                     R"("published_at":"2023-09-01T08:00:00.000Z","actor":{"role":"secretariat",)"
                     R"("party":"","token_id":"t"}},{"number":2,"label":"final","note":"SSU",)"
                     R"("hash":"ffeeddccbbaa99887766","changes":3,"position":20,)"
                     R"("published_at":"2023-12-01T08:00:00.000Z","actor":{"role":"admin"}}],)"
                     R"("next":null})");
  });
  CliRun p = RunCliOn(server, {"agreement", "publish", "sa", "--label", "final", "--note", "SSU"});
  ASSERT_EQ(p.code, kExitOk) << p.err;
  EXPECT_EQ(p.out,
            "number:    2\n"
            "label:     final\n"
            "hash:      ab12\n"
            "position:  20\n");
  EXPECT_EQ(server.requests().at(0).target, "/v1/agreements/sa/versions");
  EXPECT_EQ(json::parse(server.requests().at(0).body), (json{{"label", "final"}, {"note", "SSU"}}));
  EXPECT_EQ(RunCliOn(server, {"agreement", "publish", "sa"}).code, kExitUsage);

  CliRun v = RunCliOn(server, {"agreement", "versions", "sa"});
  ASSERT_EQ(v.code, kExitOk) << v.err;
  EXPECT_EQ(v.out,
            "NO  LABEL               HASH          CHANGES  PUBLISHED                 BY"
            "           POSITION  NOTE\n"
            "--  ------------------  ------------  -------  ------------------------  ---"
            "--------  --------  ----\n"
            " 1  consultation draft  001122334455        1  2023-09-01T08:00:00.000Z  secr"
            "etariat         5\n"
            " 2  final               ffeeddccbbaa        3  2023-12-01T08:00:00.000Z  admi"
            "n              20  SSU\n");
}

TEST(CliAgreementsTest, DiffPrintsTheServersRenderingAsIs) {
  FakeServer server([](const FakeRequest& req) {
    if (req.target.find("format=text") != std::string::npos) {
      return Text("~ modified  vision vision-1: X\n    body: [-a-]{+b+}", "text/plain");
    }
    if (req.target.find("format=html") != std::string::npos) {
      return Text("<div class=\"hoering-diff\"><ins>b</ins></div>\n", "text/html");
    }
    return Json(200, R"({"from":{"number":1},"to":{"number":2},"sections":[]})");
  });
  CliRun text = RunCliOn(server, {"agreement", "diff", "sa", "--from", "1", "--to", "final"});
  ASSERT_EQ(text.code, kExitOk) << text.err;
  EXPECT_EQ(text.out, "~ modified  vision vision-1: X\n    body: [-a-]{+b+}\n");
  // Not a terminal: no colour asked for.
  EXPECT_EQ(server.requests().at(0).target, "/v1/agreements/sa/diff?from=1&to=final&format=text");

  CliRun html =
      RunCliOn(server, {"agreement", "diff", "sa", "--from", "1", "--to", "2", "--format", "html"});
  ASSERT_EQ(html.code, kExitOk) << html.err;
  EXPECT_EQ(html.out, "<div class=\"hoering-diff\"><ins>b</ins></div>\n");

  CliRun j = RunCliOn(server, {"--json", "agreement", "diff", "sa", "--from", "1", "--to", "2"});
  ASSERT_EQ(j.code, kExitOk) << j.err;
  EXPECT_EQ(json::parse(j.out)["to"]["number"], 2);
  EXPECT_EQ(server.requests().back().target, "/v1/agreements/sa/diff?from=1&to=2");

  EXPECT_EQ(RunCliOn(server, {"--json", "agreement", "diff", "sa", "--from", "1", "--to", "2",
                              "--format", "html"})
                .code,
            kExitUsage);
  EXPECT_EQ(
      RunCliOn(server, {"agreement", "diff", "sa", "--from", "1", "--to", "2", "--format", "pdf"})
          .code,
      kExitUsage);
  EXPECT_EQ(RunCliOn(server, {"agreement", "diff", "sa", "--from", "1"}).code, kExitUsage);
}

TEST(CliAgreementsTest, LogPrintsOneBlockPerChangeSet) {
  FakeServer server([](const FakeRequest&) {
    return Json(200, R"({"from":{"number":1},"to":{"number":2},"reversed":false,"items":[
      {"change":"c-2","rationale":"Clearer\nwording","cites":[{"response":"r-1","point":"2"}],
       "ops":[{"op":"edit","id":"kap-1","heading":"Nyt","body":"x"},
              {"op":"add","section":{"id":"s-9","kind":"text","heading":"Ny"},"parent":"kap-1",
               "after":""},
              {"op":"move","id":"s-3","after":"s-1"},
              {"op":"remove","id":"s-4"}],
       "source":"api","actor":{"role":"secretariat","party":""},
       "time":"2023-10-01T12:00:00.000Z","position":14},
      {"change":"c-3","rationale":"Import","cites":[],"ops":[],"source":"markdown-import",
       "actor":{"role":"admin"},"recorded_at":"2023-10-02T12:00:00.000Z","position":15}]})");
  });
  CliRun r = RunCliOn(server, {"agreement", "log", "sa", "--from", "1", "--to", "2"});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  EXPECT_EQ(r.out,
            "change c-2  2023-10-01T12:00:00.000Z  secretariat  position 14\n"
            "  rationale:  Clearer wording\n"
            "  cites:      r-1:2\n"
            "  ops:        4\n"
            "    edit kap-1: heading \"Nyt\", body\n"
            "    add s-9 [text] \"Ny\" under kap-1, first\n"
            "    move s-3 at the top level, after s-1\n"
            "    remove s-4\n"
            "\n"
            "change c-3  2023-10-02T12:00:00.000Z  admin  position 15\n"
            "  rationale:  Import\n"
            "  source:     markdown-import\n"
            "  ops:        0\n");
  EXPECT_EQ(server.requests().at(0).target, "/v1/agreements/sa/changes?from=1&to=2");
}

TEST(CliAgreementsTest, RejectionsAreExitTwo) {
  FakeServer server([](const FakeRequest&) {
    FakeReply r = Json(412, R"({"type":"urn:hoering:precondition-failed",)"
                            R"("title":"Precondition failed","status":412,"detail":"at 4"})");
    r.content_type = "application/problem+json";
    return r;
  });
  CliRun r = RunCliOn(server, {"agreement", "publish", "sa", "--label", "x", "--if-match", "1"});
  EXPECT_EQ(r.code, kExitRejected);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("(HTTP 412)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace hoering::client
