// The advocacy/* rules (specialist advocacy for the bereaved family).
#pragma once

#include <memory>

#include "dhrlint/rule.hpp"

namespace dhrlint::advocacy {

std::unique_ptr<Rule> make_not_stated_rule();       // advocacy/not-stated
std::unique_ptr<Rule> make_outcome_unclear_rule();  // advocacy/outcome-unclear

}  // namespace dhrlint::advocacy
