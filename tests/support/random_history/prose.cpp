// Phrases into prose (prose.h).
#include "tests/support/random_history/prose.h"

#include "tests/support/random_history/embedded_data.h"

namespace hoering::testdata::history {

namespace ag = agreements;

const WordLists& Words() {
  static const WordLists kWords{
      DataLines("subjects.txt"),    DataLines("verbs.txt"),      DataLines("objects.txt"),
      DataLines("clauses.txt"),     DataLines("openers.txt"),    DataLines("chapters.txt"),
      DataLines("focus_areas.txt"), DataLines("indicators.txt"), DataLines("principles.txt"),
      DataLines("first_names.txt"), DataLines("last_names.txt"), DataLines("text_headings.txt")};
  return kWords;
}

std::string Sentence(Rng& r) {
  const WordLists& w = Words();
  std::string s = r.Pick(w.subjects);
  s += ' ';
  s += r.Pick(w.verbs);
  s += ' ';
  s += r.Pick(w.objects);
  if (r.Chance(0.4)) {
    s += ", ";
    s += r.Pick(w.clauses);
  }
  s += '.';
  return s;
}

std::string Paragraph(Rng& r, int lo, int hi) {
  std::string out;
  for (std::int64_t i = 0, n = r.Between(lo, hi); i < n; ++i) {
    if (!out.empty()) out += ' ';
    out += Sentence(r);
  }
  return out;
}

std::string SectionBody(Rng& r) {
  std::string body = Paragraph(r, 1, 4);
  for (std::int64_t i = 0, n = r.Between(0, 2); i < n; ++i) body += "\n\n" + Paragraph(r, 1, 3);
  if (r.Chance(0.3)) {
    body += "\n";
    for (std::int64_t i = 0, n = r.Between(2, 4); i < n; ++i) {
      body += std::string("\n- ") + r.Pick(Words().objects);
    }
  }
  return body;
}

std::string PointText(Rng& r) {
  std::string s = r.Pick(Words().openers);
  s += ' ';
  s += r.Pick(Words().objects);
  s += ". ";
  s += Paragraph(r, 2, 5);
  return s;
}

std::string Heading(Rng& r, ag::SectionKind kind) {
  const WordLists& w = Words();
  switch (kind) {
    case ag::SectionKind::kChapter:
      return r.Pick(w.chapters);
    case ag::SectionKind::kFocusArea:
      return r.Pick(w.focus_areas);
    case ag::SectionKind::kObjective:
      return std::string("Mål: ") + r.Pick(w.objects);
    case ag::SectionKind::kIndicator:
      return std::string("Indikator: ") + r.Pick(w.indicators);
    case ag::SectionKind::kPrinciple:
      return std::string("Princip: ") + r.Pick(w.principles);
    case ag::SectionKind::kVision:
      return "Vision";
    case ag::SectionKind::kText:
      break;
  }
  return r.Pick(w.text_headings);
}

}  // namespace hoering::testdata::history
