// hoering trace decision|response|change
//
// Routes: api.md "Audit traces" (GET /v1/trace/decisions/{id},
// GET /v1/trace/responses/{rid}). `trace change` has no route of its own: it
// is built from the agreement's change log, the versions list, the trace of
// each cited response and the decisions on the agreement (a version contains
// change c-n when its `changes` count is >= n).
// Human output: the chain as a tree drawn with "├─", "└─" and "│"; hashes
// shortened to 12 hex digits and "…". --json prints the raw JSON answer (for
// `trace change`: {change, cites: [{response, point, trace}], versions,
// decisions}).
#include "domain/audit/trace.h"

#include <algorithm>
#include <memory>

#include "client/cli/answer.h"
#include "client/cli/commands.h"
#include "client/cli/format.h"
#include "client/cli/table.h"

namespace hoering::client {
namespace {

using nlohmann::json;

struct Node {
  std::string text;
  std::vector<Node> children;
};

void RenderChildren(std::ostream& out, const std::vector<Node>& nodes, const std::string& prefix) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const bool last = i + 1 == nodes.size();
    out << prefix << (last ? "└─ " : "├─ ") << OneLine(nodes[i].text) << '\n';
    RenderChildren(out, nodes[i].children, prefix + (last ? "   " : "│  "));
  }
}

void Render(std::ostream& out, const Node& root) {
  out << OneLine(root.text) << '\n';
  RenderChildren(out, root.children, "");
}

// The print of a trace command: the answer's body drawn as the tree `tree`
// makes of it.
auto PrintTree(CliContext& ctx, Node (*tree)(const json&)) {
  return [&ctx, tree](const ApiResult& r) {
    Render(ctx.out(), tree(r.body));
    return kExitOk;
  };
}

std::string Hash(const json& j, std::string_view key = "hash") {
  const std::string h = Text(j, key);
  return h.size() > 12 ? ShortHash(h) + "…" : h;
}

std::string Quote(const std::string& s, std::size_t max = 60) {
  std::string t = OneLine(s);
  if (DisplayWidth(t) > max) {
    std::size_t cut = 0, points = 0;  // the byte where code point `max` starts
    while (cut < t.size() && points < max) {
      ++cut;
      while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
      ++points;
    }
    t = t.substr(0, cut) + "…";
  }
  return '"' + t + '"';
}

std::string VersionLine(const json& v) {
  return "version " + VersionText(v) + "  hash " + Hash(v);
}

// A decision as summarised by the trace routes ({id, body, party, ...}) or
// as served by /v1/decisions ({id, body: {name, party}, subject, ...}).
std::string DecisionLine(const json& d) {
  const json body = d.value("body", json());
  const std::string name = body.is_object() ? Text(body, "name") : Text(body);
  const std::string party = body.is_object() ? Text(body, "party") : Text(d, "party");
  std::string out = "decision " + Text(d, "id") + "  " + name + " (" + party + ") " +
                    Text(d, "meeting_date") + " " + Text(d, "outcome");
  if (d.value("final_for_party", false)) out += ", final for the party";
  return out;
}

// --- trace decision -------------------------------------------------------------

std::string CiteLine(const json& cite) {
  std::string out = "response " + Text(cite, "response") + " point " + Text(cite, "point");
  if (cite.value("missing", false)) return out + " (no longer readable)";
  out += " (" + Text(cite, "party") + ")";
  const json receipt = cite.value("receipt", json());
  if (receipt.is_object()) {
    out += "  receipt position " + Text(receipt, "position") + " hash " + Hash(receipt);
  }
  const json d = cite.value("disposition", json());
  return out + "  disposition: " + (d.is_object() ? Text(d, "outcome") : "none");
}

// The trace of a decision as a tree: its version, the change sets since the
// consulted version and the points they cite, the consultations.
Node DecisionTree(const json& t) {
  Node root{DecisionLine(t.value("decision", json::object())), {}};
  const json v = t.value("version", json::object());
  Node version{VersionLine(v) + "  (matches the decision: " +
                   (v.value("hash_matches", false) ? "yes" : "NO") + ")",
               {}};
  for (const auto& c : t.value("changes", json::array())) {
    Node change{"change " + Text(c, "change") + "  " + Quote(Text(c, "rationale")) + "  position " +
                    Text(c, "position"),
                {}};
    for (const auto& cite : c.value("cites", json::array())) {
      Node n{CiteLine(cite), {}};
      if (!Text(cite, "point_text").empty()) {
        n.children.push_back({"point text " + Quote(Text(cite, "point_text")), {}});
      }
      change.children.push_back(std::move(n));
    }
    version.children.push_back(std::move(change));
  }
  if (t.value("changes", json::array()).empty()) {
    version.children.push_back({"no change sets since the consulted version", {}});
  }
  std::string consulted;
  for (const auto& c : t.value("consultations", json::array())) {
    const json cv = c.value("version", json::object());
    consulted += (consulted.empty() ? "" : ", ") + Text(c, "id") + " (version " +
                 Text(cv, "number") + " \"" + Text(cv, "label") + "\")";
  }
  version.children.push_back({"consultations: " + (consulted.empty() ? "none" : consulted), {}});
  root.children.push_back(std::move(version));
  return root;
}

int TraceDecision(CliContext& ctx, const std::string& id) {
  return Answer(
      ctx, [&](Api& api) { return api.TraceDecision(id); }, PrintTree(ctx, DecisionTree));
}

// --- trace response -------------------------------------------------------------

std::string DispositionLine(const json& d) {
  std::string out = "disposition: " + Text(d, "outcome") + "  " + Quote(Text(d, "rationale"));
  const json changes = d.value("changes", json::array());
  for (std::size_t i = 0; i < changes.size(); ++i) {
    out += (i == 0 ? "  changes " : ", ") + Text(changes[i]);
  }
  return out + "  (" + Text(d, "recorded_at") + ", position " + Text(d, "position") + ")";
}

// A change node with the versions containing it and the decisions on those.
Node ChangeNode(const json& t, const std::string& id, bool cites_point) {
  Node node{"change " + id, {}};
  for (const auto& c : t.value("changes", json::array())) {
    if (Text(c, "change") != id) continue;
    node.text += "  " + Quote(Text(c, "rationale")) + "  position " + Text(c, "position");
    for (const auto& number : c.value("versions", json::array())) {
      Node version{"version " + Text(number), {}};
      for (const auto& v : t.value("versions", json::array())) {
        if (v.value("number", json()) == number) version.text = VersionLine(v);
      }
      for (const auto& d : t.value("decisions", json::array())) {
        if (d.value("version", json()) == number) version.children.push_back({DecisionLine(d), {}});
      }
      node.children.push_back(std::move(version));
    }
    if (node.children.empty()) node.children.push_back({"not yet in a published version", {}});
  }
  if (cites_point) node.text += "  (cites this point)";
  return node;
}

// The trace of a response as a tree: its revisions and receipts, and per point
// the dispositions and the change sets citing it, with their versions and
// the decisions on those.
Node ResponseTree(const json& t) {
  const json r = t.value("response", json::object());
  Node root{"response " + Text(r, "id") + "  party " + Text(r, "party") + "  consultation " +
                Text(r, "consultation") + "  agreement " + Text(r, "agreement") +
                (r.value("late", false) ? "  late" : "") +
                (r.value("withdrawn", false) ? "  withdrawn" : ""),
            {}};
  for (const auto& rev : t.value("revisions", json::array())) {
    const json receipt = rev.value("receipt", json::object());
    root.children.push_back({"revision " + Text(rev, "revision") + "  submitted " +
                                 Text(rev, "submitted_at") + "  receipt position " +
                                 Text(receipt, "position") + " hash " + Hash(receipt),
                             {}});
  }
  for (const auto& p : t.value("points", json::array())) {
    Node point{"point " + Text(p, "n") + " " + Quote(Text(p, "text")), {}};
    const json dispositions = p.value("dispositions", json::array());
    for (const auto& d : dispositions) point.children.push_back({DispositionLine(d), {}});
    std::vector<std::string> changes;
    const json cited_by = p.value("cited_by", json::array());
    for (const auto& c : cited_by) changes.push_back(Text(c));
    if (!dispositions.empty()) {
      for (const auto& c : dispositions.back().value("changes", json::array())) {
        if (std::find(changes.begin(), changes.end(), Text(c)) == changes.end()) {
          changes.push_back(Text(c));
        }
      }
    }
    for (const auto& id : changes) {
      const bool cites = std::find(cited_by.begin(), cited_by.end(), json(id)) != cited_by.end();
      point.children.push_back(ChangeNode(t, id, cites));
    }
    if (point.children.empty()) point.children.push_back({"no disposition; not cited", {}});
    root.children.push_back(std::move(point));
  }
  return root;
}

int TraceResponse(CliContext& ctx, const std::string& rid) {
  return Answer(
      ctx, [&](Api& api) { return api.TraceResponse(rid); }, PrintTree(ctx, ResponseTree));
}

// --- trace change ---------------------------------------------------------------

// The change set `change` of `agreement` from its change log: first from
// version 1 on (where every citing change lies), else from the creation.
Expected<std::optional<json>> FindChange(Api& api, const std::string& agreement,
                                         const std::string& change, bool has_versions) {
  auto find_in = [&](const std::string& from,
                     const std::string& to) -> Expected<std::optional<json>> {
    auto r = api.ChangeLog(agreement, from, to);
    if (!r.ok()) return r.error();
    for (const auto& c : r->body.value("items", json::array())) {
      if (Text(c, "change") == change) return std::optional<json>(c);
    }
    return std::optional<json>();
  };
  if (has_versions) {
    auto found = find_in("1", "current");
    if (!found.ok() || found->has_value()) return found;
  }
  auto a = api.GetAgreement(agreement);
  if (!a.ok()) return a.error();
  return find_in("time:" + Text(a->body, "created_at"), has_versions ? "1" : "current");
}

struct ChangeOptions {
  std::string agreement, change;
};

int TraceChange(CliContext& ctx, const ChangeOptions& o) {
  auto api = ctx.api();
  if (!api.ok()) return ctx.Fail(api.error());
  Api& a = **api;
  auto versions = a.ListVersions(o.agreement);
  if (!versions.ok()) return ctx.Fail(versions.error());
  auto found = FindChange(a, o.agreement, o.change, !versions->empty());
  if (!found.ok()) return ctx.Fail(found.error());
  if (!found->has_value()) {
    return ctx.Fail(
        ClientError(NotFound("agreement '" + o.agreement + "' has no change set '" + o.change + "'",
                             "change-not-found"),
                    404));
  }
  const json& c = **found;
  const std::uint64_t n = audit::ChangeNumber(o.change);
  json cites = json::array();
  for (const auto& cite : c.value("cites", json::array())) {
    json entry = {{"response", cite.value("response", json())},
                  {"point", cite.value("point", json())}};
    auto t = a.TraceResponse(Text(cite, "response"));
    entry[t.ok() ? "trace" : "error"] = t.ok() ? t->body : json(Describe(t.error()));
    cites.push_back(std::move(entry));
  }
  json containing = json::array();
  for (const auto& v : *versions) {
    if (n > 0 && v.value("changes", std::uint64_t{0}) >= n) containing.push_back(v);
  }
  auto decisions = a.ListDecisions(o.agreement);
  if (!decisions.ok()) return ctx.Fail(decisions.error());
  json decided = json::array();
  for (const auto& d : *decisions) {
    const json number = d.value("subject", json::object()).value("version", json());
    for (const auto& v : containing) {
      if (v.value("number", json()) == number) decided.push_back(d);
    }
  }
  if (ctx.options().json) {
    return ctx.PrintJson(
        {{"change", c}, {"cites", cites}, {"versions", containing}, {"decisions", decided}});
  }
  std::string when = Text(c, "recorded_at");
  if (when.empty()) when = Text(c, "time");
  Node root{"change " + o.change + "  " + Quote(Text(c, "rationale")) + "  position " +
                Text(c, "position") + "  " + when + "  by " + ActorText(c.value("actor", json())),
            {}};
  for (const auto& cite : cites) {
    Node node{"cites response " + Text(cite, "response") + " point " + Text(cite, "point"), {}};
    const json t = cite.value("trace", json());
    if (!t.is_object()) {
      node.text += "  (cannot trace: " + Text(cite, "error") + ")";
      root.children.push_back(std::move(node));
      continue;
    }
    const json r = t.value("response", json::object());
    node.text += " (" + Text(r, "party") + ", consultation " + Text(r, "consultation") + ")";
    const json revisions = t.value("revisions", json::array());
    if (!revisions.empty()) {
      const json receipt = revisions.back().value("receipt", json::object());
      node.text += "  receipt position " + Text(receipt, "position") + " hash " + Hash(receipt);
    }
    std::string outcome = "none";
    for (const auto& p : t.value("points", json::array())) {
      if (Text(p, "n") != Text(cite, "point")) continue;
      const json dispositions = p.value("dispositions", json::array());
      if (!dispositions.empty()) outcome = Text(dispositions.back(), "outcome");
      node.children.push_back({"point " + Text(p, "n") + " " + Quote(Text(p, "text")), {}});
    }
    node.text += "  disposition: " + outcome;
    root.children.push_back(std::move(node));
  }
  for (const auto& v : containing) {
    Node version{VersionLine(v), {}};
    for (const auto& d : decided) {
      if (d.value("subject", json::object()).value("version", json()) ==
          v.value("number", json())) {
        version.children.push_back({DecisionLine(d), {}});
      }
    }
    root.children.push_back(std::move(version));
  }
  if (containing.empty()) root.children.push_back({"not yet in a published version", {}});
  Render(ctx.out(), root);
  return kExitOk;
}

}  // namespace

void AddTraceCommands(CLI::App& app, CliContext& ctx) {
  CLI::App* group =
      AddGroup(app, "trace", "Follow decisions, responses and changes through the log");

  AddLeafOf(*group, "decision", "From a decision back to the responses' receipts", ctx, "id",
            "Decision id", TraceDecision);

  AddLeafOf(*group, "response", "From a response forward to the decisions", ctx, "rid",
            "Response id (r-...)", TraceResponse);

  auto [c, change] = AddLeafWith<ChangeOptions>(
      *group, "change", "A change set: what it cites, where it went", ctx, TraceChange);
  c->add_option("agreement", change->agreement, "Agreement id")->required();
  c->add_option("change", change->change, "Change set id, e.g. c-2")->required();
}

}  // namespace hoering::client
