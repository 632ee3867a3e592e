#include "rules/modules.hpp"

namespace dhrlint {

void add_draft_rules(RuleList& rules) {
  (void)rules;  // rules of this category are added here as they land
}

}  // namespace dhrlint
