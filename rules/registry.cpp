// The rule registry: each category module adds its rules here. Explicit
// calls, no static registration, so there is no global state and the set of
// rules is visible in one place.
#include <algorithm>

#include "dhrlint/rule.hpp"
#include "rules/modules.hpp"

namespace dhrlint {

std::vector<std::unique_ptr<Rule>> make_all_rules() {
  std::vector<std::unique_ptr<Rule>> rules;
  add_draft_rules(rules);
  add_identifying_rules(rules);
  add_incomplete_rules(rules);
  add_advocacy_rules(rules);
  add_hba_rules(rules);
  std::sort(rules.begin(), rules.end(),
            [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
  return rules;
}

}  // namespace dhrlint
