#include "domain/agreements/text_diff.h"

// dtl expects these before it is included.
#include <algorithm>
#include <cstdint>
#include <dtl/dtl.hpp>
#include <iostream>
#include <list>
#include <unordered_map>
#include <vector>

#include "domain/enum_names.h"

namespace hoering::agreements {
namespace {

enum class Cls { kWord, kSpace, kOther };

Cls Classify(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
      c >= 0x80) {
    return Cls::kWord;
  }
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return Cls::kSpace;
  return Cls::kOther;
}

bool IsSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return Classify(static_cast<unsigned char>(c)) == Cls::kSpace; });
}

// A changed stretch (del, ins) or an equal stretch (del == ins, equal = true).
struct Segment {
  bool equal = false;
  std::string del;  // for equal segments: the text
  std::string ins;
};

class Builder {
 public:
  void Add(RunOp op, std::string_view token) {
    if (op == RunOp::kEqual) {
      if (segs_.empty() || !segs_.back().equal) segs_.push_back({true, {}, {}});
      segs_.back().del += token;
      return;
    }
    if (segs_.empty() || segs_.back().equal) segs_.push_back({false, {}, {}});
    (op == RunOp::kDelete ? segs_.back().del : segs_.back().ins) += token;
  }

  WordDiff Finish() {
    // Fold whitespace-only equal stretches between two changes into them.
    std::vector<Segment> merged;
    for (std::size_t i = 0; i < segs_.size(); ++i) {
      Segment& s = segs_[i];
      bool fold = s.equal && !merged.empty() && !merged.back().equal && i + 1 < segs_.size() &&
                  !segs_[i + 1].equal && IsSpace(s.del);
      if (fold) {
        Segment& prev = merged.back();
        prev.del += s.del;
        prev.ins += s.del;
        prev.del += segs_[i + 1].del;
        prev.ins += segs_[i + 1].ins;
        ++i;
      } else {
        merged.push_back(std::move(s));
      }
    }
    WordDiff out;
    for (auto& s : merged) {
      if (s.equal) {
        out.push_back({RunOp::kEqual, std::move(s.del)});
        continue;
      }
      if (!s.del.empty()) out.push_back({RunOp::kDelete, std::move(s.del)});
      if (!s.ins.empty()) out.push_back({RunOp::kInsert, std::move(s.ins)});
    }
    return out;
  }

 private:
  std::vector<Segment> segs_;
};

constexpr EnumName<RunOp> kRunOpNames[] = {
    {RunOp::kEqual, "equal"}, {RunOp::kInsert, "insert"}, {RunOp::kDelete, "delete"}};

}  // namespace

std::string_view RunOpName(RunOp op) {
  return NameIn(kRunOpNames, op, "equal");
}

std::vector<std::string_view> Tokenize(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    Cls c = Classify(static_cast<unsigned char>(s[i]));
    std::size_t j = i + 1;
    if (c != Cls::kOther) {
      while (j < s.size() && Classify(static_cast<unsigned char>(s[j])) == c) ++j;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

WordDiff DiffWords(std::string_view from, std::string_view to) {
  if (from == to) {
    if (from.empty()) return {};
    return {WordRun{RunOp::kEqual, std::string(from)}};
  }
  auto a = Tokenize(from);
  auto b = Tokenize(to);
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  Builder out;
  for (std::size_t i = 0; i < pre; ++i) out.Add(RunOp::kEqual, a[i]);
  const std::size_t a_end = a.size() - suf, b_end = b.size() - suf;
  if (pre == a_end || pre == b_end) {
    for (std::size_t i = pre; i < a_end; ++i) out.Add(RunOp::kDelete, a[i]);
    for (std::size_t j = pre; j < b_end; ++j) out.Add(RunOp::kInsert, b[j]);
  } else {
    // Intern the middle tokens so dtl compares integers.
    std::unordered_map<std::string_view, std::uint32_t> ids;
    auto intern = [&](std::string_view t) {
      return ids.emplace(t, static_cast<std::uint32_t>(ids.size())).first->second;
    };
    std::vector<std::uint32_t> A, B;
    A.reserve(a_end - pre);
    B.reserve(b_end - pre);
    for (std::size_t i = pre; i < a_end; ++i) A.push_back(intern(a[i]));
    for (std::size_t j = pre; j < b_end; ++j) B.push_back(intern(b[j]));
    // Not dtl's "huge" mode: all it does is reserve room for 2M path
    // coordinates (48 MB) up front, which the word diffs of one agreement
    // asked the allocator for section after section; half of a diff's time
    // went to faulting those pages in and giving them back
    // (docs/performance.md, session 20). The result is the same.
    dtl::Diff<std::uint32_t, std::vector<std::uint32_t>> diff(A, B);
    diff.compose();
    std::size_t i = pre, j = pre;
    for (const auto& [elem, info] : diff.getSes().getSequence()) {
      if (info.type == dtl::SES_COMMON) {
        out.Add(RunOp::kEqual, a[i++]);
        ++j;
      } else if (info.type == dtl::SES_DELETE) {
        out.Add(RunOp::kDelete, a[i++]);
      } else {
        out.Add(RunOp::kInsert, b[j++]);
      }
    }
  }
  for (std::size_t i = a_end; i < a.size(); ++i) out.Add(RunOp::kEqual, a[i]);
  return out.Finish();
}

std::string FromSide(const WordDiff& d) {
  std::string out;
  for (const auto& r : d) {
    if (r.op != RunOp::kInsert) out += r.text;
  }
  return out;
}

std::string ToSide(const WordDiff& d) {
  std::string out;
  for (const auto& r : d) {
    if (r.op != RunOp::kDelete) out += r.text;
  }
  return out;
}

bool HasChanges(const WordDiff& d) {
  return std::any_of(d.begin(), d.end(), [](const WordRun& r) { return r.op != RunOp::kEqual; });
}

nlohmann::json WordDiffToJson(const WordDiff& d) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : d) arr.push_back({{"op", std::string(RunOpName(r.op))}, {"text", r.text}});
  return arr;
}

}  // namespace hoering::agreements
