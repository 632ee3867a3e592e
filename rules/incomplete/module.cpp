#include "rules/incomplete/rules.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

void add_incomplete_rules(RuleList& rules) {
  rules.push_back(incomplete::make_truncated_paragraph_rule());
  rules.push_back(incomplete::make_placeholder_rule());
  rules.push_back(incomplete::make_empty_paragraph_rule());
  rules.push_back(incomplete::make_empty_section_rule());
  rules.push_back(incomplete::make_numbering_gap_rule());
  rules.push_back(incomplete::make_numbering_duplicate_rule());
  rules.push_back(incomplete::make_dangling_crossref_rule());
}

}  // namespace dhrlint
