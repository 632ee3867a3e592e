// One function per rule category; each lives in rules/<category>/module.cpp
// and appends that category's rules (one rule per file in the folder).
#pragma once

#include <memory>
#include <vector>

#include "dhrlint/rule.hpp"

namespace dhrlint {

using RuleList = std::vector<std::unique_ptr<Rule>>;

void add_draft_rules(RuleList& rules);
void add_identifying_rules(RuleList& rules);
void add_incomplete_rules(RuleList& rules);
void add_advocacy_rules(RuleList& rules);
void add_hba_rules(RuleList& rules);

}  // namespace dhrlint
