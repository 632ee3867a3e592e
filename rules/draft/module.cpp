#include "rules/draft/rules.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

void add_draft_rules(RuleList& rules) {
  rules.push_back(draft::make_comments_rule());
  rules.push_back(draft::make_hidden_text_rule());
  rules.push_back(draft::make_tracked_changes_rule());
}

}  // namespace dhrlint
