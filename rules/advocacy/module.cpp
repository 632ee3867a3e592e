#include "rules/advocacy/rules.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

void add_advocacy_rules(RuleList& rules) {
  rules.push_back(advocacy::make_not_stated_rule());
  rules.push_back(advocacy::make_outcome_unclear_rule());
}

}  // namespace dhrlint
