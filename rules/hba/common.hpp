// Where a report names 'honour'-based abuse, where it shows cues of a context
// in which panels expect it, and where it dismisses it: read once per rule
// object's check and shared by the hba/* rules.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"

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
  // read(), done once per document by one process-wide reader and shared
  // by every hba rule through DocumentAnalysis::family.
  static const HbaReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  bool excluded_paragraph(const Document& doc, std::size_t p) const;
  void read_dismissals(std::size_t p, const std::string& original, const text::FoldedText& folded,
                       const std::vector<text::Range>& sentences, bool previous_paragraph_reasoned,
                       bool next_paragraph_reasoned, HbaReading& out) const;

  kit::TermList terms_;
  kit::TermList cues_;
  kit::TermList reasoning_;
  kit::TermList sections_;
};

}  // namespace dhrlint::hba
