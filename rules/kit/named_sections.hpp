// Sections of a report found by the words of their heading ("Equality and
// diversity", "Recommendations", "Appendix C: Action plan"), for rules that
// read one part of a report. A heading is a paragraph in a heading style or
// a line typed as one ("12. Equalities" in bold body text, which the model
// does not mark as a heading).
//
// A section runs from its heading to the next heading of the same or a
// higher level (a styled heading), or, for a typed heading, to the next
// styled heading of any level or the next typed heading that names a report
// section (data/kit/section-boundaries.txt) or carries a report number of
// the same or a higher level.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "lint/text/text.hpp"

namespace dhrlint::kit {

class TermList;

struct NamedSection {
  std::size_t heading = kNoIndex;  // index into Document::paragraphs
  std::size_t end = 0;             // one past the section's last body paragraph
  bool contains(std::size_t p) const { return p > heading && p < end; }
};

// A line of running text typed as a heading: not in a heading style, not a
// list item, at most 10 words after its typed number, starting with a
// capital or a digit, not ending like a sentence ('.', ';', ',', '!', '?';
// ':' only on a line of at most 4 words).
bool is_typed_heading_line(const Paragraph& p);

// The heading's own words: the text after a typed report number, trimmed
// (code points into the visible text).
text::Range heading_words(const Paragraph& p);

// Every section whose heading matches group `group` of `names`, in body
// order; a matching heading inside a section already found is part of it
// and not listed again. A heading that also matches `unless_group` (when
// not empty) is skipped.
std::vector<NamedSection> find_named_sections(const Document& doc, const TermList& names,
                                              std::string_view group,
                                              std::string_view unless_group = {});

// How many headings, styled or typed (typed ones must name a report
// section), the body has: a draft with fewer is a fragment, not a report.
std::size_t count_report_headings(const Document& doc);

}  // namespace dhrlint::kit
