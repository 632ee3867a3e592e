// The equality and diversity section of a report and the protected
// characteristics it addresses, read once per document and shared by the
// equality/* rules.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"
#include "rules/kit/named_sections.hpp"

namespace dhrlint::equality {

struct EqualityReading {
  // The body has enough headings to be a report (not a fragment).
  bool report = false;
  // Every equality and diversity section (an executive summary's short one
  // and the overview report's, say), in body order.
  std::vector<kit::NamedSection> sections;
  // The heading findings go on: the heading of the longest section.
  std::size_t main_heading = kNoIndex;
  // The characteristics (groups of data/equality/characteristics.txt, in
  // the Act's order) that no section names.
  std::vector<std::string> not_addressed;
};

class EqualityReader {
 public:
  EqualityReader();
  EqualityReading read(const Document& doc, DocumentAnalysis& analysis) const;
  // read(), once per document, shared by the equality rules.
  static const EqualityReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  kit::TermList sections_;
  kit::TermList characteristics_;
};

}  // namespace dhrlint::equality
