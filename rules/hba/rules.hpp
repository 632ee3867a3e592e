// The hba/* rules ('honour'-based abuse and forced marriage).
#pragma once

#include <memory>

#include "dhrlint/rule.hpp"

namespace dhrlint::hba {

std::unique_ptr<Rule> make_not_considered_rule();        // hba/not-considered
std::unique_ptr<Rule> make_footnote_only_rule();         // hba/footnote-only
std::unique_ptr<Rule> make_unreasoned_dismissal_rule();  // hba/unreasoned-dismissal

}  // namespace dhrlint::hba
