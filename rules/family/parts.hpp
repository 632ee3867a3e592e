// The parts of a report that the children, culture and family rules read,
// and the people its pseudonym table names, worked out once per document and
// shared by the three families (DocumentAnalysis::family).
//
// Parts come from the headings a paragraph sits under: Word's heading styles
// (kit::heading_texts) and, for drafts whose headings are typed or merely
// bold, short unpunctuated lines ("5. Recommendations", "Family
// involvement") taken as headings, nested by their typed numbers. The heading
// words are data: family/sections.txt (recommendations, action plan, family
// involvement) and advocacy/sections.txt (glossary, panel, terms of
// reference), shared with the advocacy rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "rules/kit/kit.hpp"

namespace dhrlint::family {

enum Part : std::uint8_t {
  kRecommendations = 1,    // under a Recommendations / Action plan heading, or an action-plan table
  kFamilyInvolvement = 2,  // under a family-involvement heading
  kTermsOfReference = 4,   // under a terms-of-reference heading
  kReference = 8,          // a glossary, or a panel or glossary table
};

// Who someone is to the victim, as relations.txt groups the words.
enum class Relation : std::uint8_t { kNone, kPartner, kChild, kRelative };

struct Person {
  Relation relation = Relation::kNone;
  std::optional<int> age;  // the table's age column, when it has one
};

struct ReportParts {
  std::vector<std::uint8_t> parts;  // per paragraph (a note takes its anchor's parts)
  std::size_t recommendations_heading = kNoIndex;  // the first heading of that part
  std::size_t family_heading = kNoIndex;
  bool has_recommendations = false;  // some paragraph is in kRecommendations
  bool has_family_section = false;   // some paragraph is in kFamilyInvolvement
  // The pseudonym table's rows that name a relation: folded first word of the
  // name ("kamal", "child") -> the person. "Child A" is keyed "child a".
  std::map<std::string, Person, std::less<>> people;

  bool in(std::size_t p, Part part) const { return p < parts.size() && (parts[p] & part) != 0; }

  static const ReportParts& shared(const Document& doc, DocumentAnalysis& analysis);
};

// Where a heading's words start: after a typed number, whether or not the
// model took it as a report number ("5. Recommendations").
std::size_t heading_content_start(const Paragraph& p);

// The relation words (data/family/relations.txt), compiled once per process.
const kit::TermList& relation_terms();
// The strongest relation that `folded` names: partner, then child, then
// relative ("Husband and perpetrator" is a partner, "Kamal's mother" a
// relative).
Relation relation_in(const text::FoldedText& folded);
std::string_view relation_name(Relation r);

}  // namespace dhrlint::family
