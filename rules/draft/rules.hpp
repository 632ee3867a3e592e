// The draft/* rules (drafting residue the file carries), one per file.
#pragma once

#include <memory>

#include "dhrlint/rule.hpp"

namespace dhrlint::draft {

std::unique_ptr<Rule> make_comments_rule();         // draft/comments
std::unique_ptr<Rule> make_tracked_changes_rule();  // draft/tracked-changes
std::unique_ptr<Rule> make_hidden_text_rule();      // draft/hidden-text

}  // namespace dhrlint::draft
