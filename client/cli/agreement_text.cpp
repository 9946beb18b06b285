// hoering agreement create|list|show: an agreement and its text.
#include <charconv>
#include <chrono>
#include <memory>
#include <sstream>

#include "client/cli/agreement_commands.h"
#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"
#include "client/cli/write_options.h"
#include "domain/agreements/markdown_import.h"
#include "domain/agreements/text_json.h"

namespace hoering::client {
namespace {

using nlohmann::json;

// "YYYY-MM-DD" naming a real date.
bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto number = [&](std::size_t at, std::size_t n, int& v) {
    auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + n, v);
    return ec == std::errc() && end == s.data() + at + n;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return false;
  using namespace std::chrono;
  return year_month_day(year(y), month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d)))
      .ok();
}

// A term {years, entry_into_force} as "4 years from 2024-01-01".
std::string TermText(const json& term) {
  if (!term.is_object()) return Text(term);
  std::string out;
  if (term.contains("years") && !term["years"].is_null()) out = Text(term, "years") + " years";
  std::string from = Text(term, "entry_into_force");
  if (!from.empty()) out += (out.empty() ? "from " : " from ") + from;
  return out;
}

// --- create / list -----------------------------------------------------------

struct CreateOptions {
  AgreementInput agreement;
  WriteOptions write;
};

int Create(CliContext& ctx, const CreateOptions& o) {
  const std::string& entry_into_force = o.agreement.entry_into_force;
  if (!entry_into_force.empty() && !IsIsoDate(entry_into_force)) {
    return ctx.Usage("--entry-into-force must be a date YYYY-MM-DD, not '" + entry_into_force +
                     "'");
  }
  return Answer(
      ctx, [&](Api& api) { return api.CreateAgreement(o.agreement, ToCallOptions(o.write)); },
      [&](const ApiResult& r) {
        json shown = r.body;  // term and parties as text, not JSON
        if (shown.is_object()) {
          if (shown.contains("term")) shown["term"] = TermText(shown["term"]);
          if (shown.contains("parties")) shown["parties"] = JoinText(shown["parties"]);
        }
        auto fields = Fields(shown, {"id", "title", "subtitle", "term", "parties", "position"});
        if (!r.etag.empty()) fields.emplace_back("etag", r.etag);
        RenderFields(ctx.out(), fields);
        return kExitOk;
      });
}

int List(CliContext& ctx, std::uint32_t page_size) {
  return Answer(
      ctx, [&](Api& api) { return api.ListAgreements(page_size); },
      [&](const std::vector<nlohmann::json>& items) {
        Table t({"ID", "TITLE", "VERSION", "SECTIONS", "CREATED"});
        t.SetAlign(3, Align::kRight);
        for (const auto& a : items) {
          t.AddRow({Text(a, "id"), Text(a, "title"), VersionText(a.value("version", json())),
                    Text(a, "section_count"), Text(a, "created_at")});
        }
        t.Render(ctx.out());
        return kExitOk;
      });
}

// --- show --------------------------------------------------------------------

struct ShowOptions {
  std::string id, at;
  bool markdown = false;
  bool bodies = false;
};

void PrintOutline(std::ostream& out, const json& sections, std::size_t depth, bool bodies) {
  if (!sections.is_array()) return;
  const std::string indent(2 * depth, ' ');
  for (const auto& s : sections) {
    out << indent << OneLine(Text(s, "id")) << " [" << OneLine(Text(s, "kind")) << "] "
        << OneLine(Text(s, "heading")) << '\n';
    if (bodies) {
      std::istringstream body(Text(s, "body"));
      for (std::string line; std::getline(body, line);) {
        if (line.empty()) {
          out << '\n';
        } else {
          out << indent << "    " << line << '\n';
        }
      }
    }
    PrintOutline(out, s.value("children", json::array()), depth + 1, bodies);
  }
}

// The Markdown of a JSON answer, for a server that ignored ?format=md.
std::optional<std::string> MarkdownFromJson(const json& body) {
  if (!body.is_object() || !body.contains("sections")) return std::nullopt;
  auto tree = agreements::SectionsFromJson(body["sections"]);
  if (!tree.ok()) return std::nullopt;
  return agreements::RenderMarkdown(tree.value());
}

void PrintMarkdown(CliContext& ctx, const ApiResult& r) {
  if (r.body.is_object() && r.body.contains("markdown") && r.body["markdown"].is_string()) {
    PrintText(ctx.out(), r.body["markdown"].get<std::string>());
  } else if (auto md = MarkdownFromJson(r.body)) {
    PrintText(ctx.out(), *md);
  } else {
    PrintText(ctx.out(), r.raw);
  }
}

// The header fields of an agreement's text, then its outline.
void PrintAgreement(CliContext& ctx, const ApiResult& r, bool bodies) {
  const json& a = r.body;
  std::vector<std::pair<std::string, std::string>> fields = {{"id", Text(a, "id")},
                                                             {"title", Text(a, "title")}};
  if (!Text(a, "subtitle").empty()) fields.emplace_back("subtitle", Text(a, "subtitle"));
  fields.emplace_back("term", TermText(a.value("term", json())));
  fields.emplace_back("parties", JoinText(a.value("parties", json::array())));
  const json version = a.value("version", json());
  if (version.is_object()) {
    fields.emplace_back("version", VersionText(version) + "  " + ShortHash(Text(version, "hash")));
  } else {
    fields.emplace_back("version", "(none published)");
  }
  if (a.contains("at") && !a["at"].is_null()) fields.emplace_back("at", Text(a, "at"));
  if (!r.etag.empty()) fields.emplace_back("etag", r.etag);
  RenderFields(ctx.out(), fields);
  ctx.out() << '\n';
  const json sections = a.value("sections", json::array());
  if (sections.empty()) {
    ctx.out() << "(no sections)\n";
  } else {
    PrintOutline(ctx.out(), sections, 0, bodies);
  }
}

int Show(CliContext& ctx, const ShowOptions& o) {
  if (o.markdown && ctx.options().json)
    return ctx.Usage("--markdown and --json exclude each other");
  return Answer(
      ctx,
      [&](Api& api) {
        return o.markdown ? api.GetAgreementMarkdown(o.id, o.at) : api.GetAgreement(o.id, o.at);
      },
      [&](const ApiResult& r) {
        if (o.markdown) {
          PrintMarkdown(ctx, r);
        } else {
          PrintAgreement(ctx, r, o.bodies);
        }
        return kExitOk;
      });
}

}  // namespace

void AddAgreementTextCommands(CLI::App& group, CliContext& ctx) {
  auto [c, create] =
      AddLeafWith<CreateOptions>(group, "create", "Create an agreement (no text yet)", ctx, Create);
  AgreementInput& a = create->agreement;
  c->add_option("--id", a.id, "Stable agreement id, e.g. sundhedsaftalen-2024")->required();
  c->add_option("--title", a.title, "Title")->required();
  c->add_option("--subtitle", a.subtitle, "Subtitle");
  c->add_option("--entry-into-force", a.entry_into_force, "Date it takes effect, YYYY-MM-DD");
  c->add_option("--years", a.years, "Term in years")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  c->add_option("--party", a.parties, "A party to the agreement (repeatable)")
      ->allow_extra_args(false);
  AddWriteOptions(c, create->write);

  auto page_size = std::make_shared<std::uint32_t>(0);
  CLI::App* l = AddLeaf(group, "list", "List agreements", ctx,
                        [&ctx, page_size] { return List(ctx, *page_size); });
  l->add_option("--page-size", *page_size, "Items per request (server default when 0)")
      ->check(CLI::Range(0, 1000));

  auto [s, show] = AddLeafWith<ShowOptions>(
      group, "show", "Show the text as an outline (or as Markdown)", ctx, Show);
  s->add_option("id", show->id, "Agreement id")->required();
  s->add_option("--at", show->at,
                "The text as it was: version number | label | position:<p> | time:<RFC 3339>");
  s->add_flag("--markdown", show->markdown, "Print the text as Markdown");
  s->add_flag("--bodies", show->bodies, "Print each section's body under its heading");
}

}  // namespace hoering::client
