// What a report says about the children of the household, and whether its
// recommendations hold any child-focused learning: read once per document
// and shared by the children/* rules.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::children {

struct Mention {
  std::size_t paragraph = kNoIndex;
  std::size_t start = 0;  // code points
  std::size_t end = 0;
};

struct ChildrenReading {
  // Children were part of the household (a child named "Child A", a child's
  // age under 18, a young child, a child at school or nursery, children's
  // safeguarding about the family, children present at an incident; or
  // "the children" when the report never says they are adults).
  bool children = false;
  std::optional<Mention> first_cue;  // where the report first shows them
  bool school_age = false;           // at school, or aged 4 to 17
  bool has_recommendations = false;  // a Recommendations / Action plan part with content
  std::size_t recommendations_heading = kNoIndex;
  bool child_recommendation = false;       // a recommendation or action-plan row about children
  bool encompass = false;                  // Operation Encompass named anywhere
  std::optional<Mention> police_incident;  // the first police-attended incident (a sentence)
};

class ChildrenReader {
 public:
  ChildrenReader();
  ChildrenReading read(const Document& doc, DocumentAnalysis& analysis) const;
  static const ChildrenReading& shared_reading(const Document& doc, DocumentAnalysis& analysis);

 private:
  kit::TermList cues_;
  kit::TermList learning_;
};

}  // namespace dhrlint::children
