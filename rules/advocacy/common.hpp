// What a report says about specialist advocacy for the family, read once and
// shared by advocacy/not-stated and advocacy/outcome-unclear.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::advocacy {

// A service named in the family's context, in a sentence that does not say
// whether it was offered or taken up.
struct UnclearMention {
  std::size_t paragraph = 0;
  std::size_t start = 0;  // the service's name, code points
  std::size_t end = 0;
  std::string service;  // the data group: "AAFDA", "the Homicide Service", ...
};

struct AdvocacyReading {
  // Services (data groups, "generic" for an unnamed advocate) that some
  // sentence says the family was offered, referred to, took up or declined.
  std::vector<std::string> stated;
  std::vector<UnclearMention> unclear;  // only for services not in `stated`
  bool no_family = false;               // the report says there was no family to offer it to
};

// The term lists, compiled once per rule object.
class AdvocacyReader {
 public:
  AdvocacyReader();
  AdvocacyReading read(const Document& doc, DocumentAnalysis& analysis) const;
  // read(), done once per document by one process-wide reader and shared
  // by every advocacy rule through DocumentAnalysis::family.
  static const AdvocacyReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  bool excluded_paragraph(const Document& doc, std::size_t p) const;
  bool stated_outcome(const text::FoldedText& folded, std::size_t begin, std::size_t end) const;

  kit::TermList services_;
  kit::TermList context_;
  kit::TermList sections_;
};

}  // namespace dhrlint::advocacy
