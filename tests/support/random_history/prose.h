// The random history's content: Danish health-agreement prose assembled from
// phrases. The word lists are data (data/*.txt, one entry a line, compiled in
// by embedded_data.h); the functions here only join them. Every function
// draws from the Rng it is given, in a fixed order (rng.h).
#pragma once

#include <string>
#include <vector>

#include "domain/agreements/section_tree.h"
#include "tests/support/random_history/rng.h"

namespace hoering::testdata::history {

// The phrase lists, each from data/<name>.txt.
struct WordLists {
  std::vector<std::string> subjects;     // who: "Borgere med kronisk sygdom"
  std::vector<std::string> verbs;        // "skal opleve"
  std::vector<std::string> objects;      // what: "tidlig opsporing og forebyggelse"
  std::vector<std::string> clauses;      // "i hele aftaleperioden"
  std::vector<std::string> openers;      // a response point's first words
  std::vector<std::string> chapters;     // chapter headings
  std::vector<std::string> focus_areas;  // focus area headings
  std::vector<std::string> indicators;   // "antal forebyggelige indlæggelser"
  std::vector<std::string> principles;   // principle headings
  std::vector<std::string> first_names;  // response authors, absent members
  std::vector<std::string> last_names;
  std::vector<std::string> text_headings;  // headings of plain text sections
};
// Loaded once, on first use; thread-safe.
const WordLists& Words();

// "<subject> <verb> <object>[, <clause>]."
std::string Sentence(Rng& r);
// lo..hi sentences joined by spaces.
std::string Paragraph(Rng& r, int lo, int hi);
// A section body: paragraphs separated by blank lines, sometimes a list.
std::string SectionBody(Rng& r);
// The text of a response point: an opener, an object, then a paragraph.
std::string PointText(Rng& r);
// A heading that fits a section of `kind`.
std::string Heading(Rng& r, agreements::SectionKind kind);

}  // namespace hoering::testdata::history
