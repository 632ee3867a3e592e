// Where a report names 'honour'-based abuse, where it shows cues of a context
// in which panels expect it, and where it dismisses it: read once per rule
// object's check and shared by the hba/* rules.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/incomplete/common.hpp"

namespace dhrlint {
class DocumentAnalysis;
}

namespace dhrlint::hba {

struct Mention {
  std::size_t paragraph = 0;  // index into Document::paragraphs
  std::size_t start = 0;      // code points
  std::size_t end = 0;
};

struct HbaReading {
  std::vector<Mention> body_terms;  // HBA named in the body (tables, text boxes too)
  std::vector<Mention> note_terms;  // HBA named in footnotes / endnotes
  // Cue group (data/hba/cues.txt) -> its first occurrence, in body order.
  std::map<std::string, Mention> cues;
  std::vector<Mention> unreasoned_dismissals;  // the dismissing sentence
};

class HbaReader {
 public:
  HbaReader();
  HbaReading read(const Document& doc, DocumentAnalysis& analysis) const;
  // read(), done once per document and kept in `analysis` for the other
  // hba rules (the reading depends only on the document).
  const HbaReading& read_shared(const Document& doc, DocumentAnalysis& analysis) const;

 private:
  bool excluded_paragraph(const Document& doc, std::size_t p) const;
  void read_dismissals(std::size_t p, const std::string& original, const text::FoldedText& folded,
                       const std::vector<text::Range>& sentences, bool next_paragraph_reasoned,
                       HbaReading& out) const;

  rulekit::TermList terms_;
  rulekit::TermList cues_;
  rulekit::TermList reasoning_;
  rulekit::TermList sections_;
};

}  // namespace dhrlint::hba
