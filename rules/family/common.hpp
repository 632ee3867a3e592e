// What a report says about the family's part in the review and about
// interpreting: read once per document and shared by the family/* rules.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/family/parts.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::family {

struct Mention {
  std::size_t paragraph = kNoIndex;
  std::size_t start = 0;  // code points
  std::size_t end = 0;
};

// A sentence in which a relative interprets or translates.
struct RelativeInterpreting {
  Mention sentence;
  Relation relation = Relation::kNone;
};

struct FamilyReading {
  // Relatives interpreting that nothing in the report comments on.
  std::vector<RelativeInterpreting> uncommented;
  std::optional<Mention> language;  // the first sign that language or interpreting is in play
  bool language_statement = false;  // the family part says in what language / interpreters
  bool views = false;               // the family's views on the report (or that they declined)
  bool leaflet = false;             // the Home Office leaflet for families
  bool no_family = false;           // no family could be traced
  // The review involved the family: a family-involvement section, or a
  // sentence in which the chair, panel or review met, wrote to or spoke
  // with a relative. Without either, a missing statement is the structure
  // rules' concern (no family section), not these rules'.
  bool involvement = false;
  std::size_t family_heading = kNoIndex;
};

class FamilyReader {
 public:
  FamilyReader();
  FamilyReading read(const Document& doc, DocumentAnalysis& analysis) const;
  static const FamilyReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  Relation relation_before(const text::FoldedText& folded, std::size_t from, std::size_t to,
                           const ReportParts& parts) const;
  Relation relation_after(const text::FoldedText& folded, std::size_t from, std::size_t to,
                          const ReportParts& parts) const;

  bool subject_gap(std::string_view gap) const;

  kit::TermList interpreting_;
  kit::TermList language_;
  kit::TermList views_;
  kit::TermList context_;   // culture/context.txt: the [language] trigger
  kit::TermList advocacy_;  // advocacy/context.txt: [unreachable]
  kit::TermSet gap_words_;  // interpreting.txt [gap]
};

}  // namespace dhrlint::family
