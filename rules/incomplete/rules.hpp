// The incomplete/* rules (unfinished numbered sections), one per file.
#pragma once

#include <memory>

#include "dhrlint/rule.hpp"

namespace dhrlint::incomplete {

std::unique_ptr<Rule> make_truncated_paragraph_rule();  // incomplete/truncated-paragraph
std::unique_ptr<Rule> make_placeholder_rule();          // incomplete/placeholder
std::unique_ptr<Rule> make_empty_paragraph_rule();      // incomplete/empty-paragraph
std::unique_ptr<Rule> make_empty_section_rule();        // incomplete/empty-section
std::unique_ptr<Rule> make_numbering_gap_rule();        // incomplete/numbering-gap
std::unique_ptr<Rule> make_numbering_duplicate_rule();  // incomplete/numbering-duplicate
std::unique_ptr<Rule> make_dangling_crossref_rule();    // incomplete/dangling-crossref

}  // namespace dhrlint::incomplete
