// The victim's migration and language context, and whether the report
// explores the barriers it put in the way of seeking help: read once per
// document and shared by the culture/* rules.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::culture {

struct Mention {
  std::size_t paragraph = kNoIndex;
  std::size_t start = 0;  // code points
  std::size_t end = 0;
};

struct CultureReading {
  // Cue group of culture/context.txt ("migration", "language") -> its first
  // occurrence outside the terms of reference, recommendations, glossaries
  // and panel tables. An interpreter for a deaf person is not a cue.
  std::map<std::string, Mention> cues;
  bool barriers = false;    // a sentence explores barriers to seeking help
  bool by_and_for = false;  // specialist "by and for" services are considered
};

class CultureReader {
 public:
  CultureReader();
  CultureReading read(const Document& doc, DocumentAnalysis& analysis) const;
  static const CultureReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  bool explores_barriers(const text::FoldedText& folded,
                         const std::vector<text::Range>& sentences) const;

  kit::TermList context_;
  kit::TermList barriers_;
  kit::TermList services_;
};

}  // namespace dhrlint::culture
