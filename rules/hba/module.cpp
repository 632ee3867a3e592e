#include "rules/hba/rules.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

void add_hba_rules(RuleList& rules) {
  rules.push_back(hba::make_not_considered_rule());
  rules.push_back(hba::make_footnote_only_rule());
  rules.push_back(hba::make_unreasoned_dismissal_rule());
}

}  // namespace dhrlint
