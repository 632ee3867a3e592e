// Applying inline suppressions (rules/kit/suppression.hpp) to a document's
// findings: a `dhrlint-disable` comment silences the rules it names on the
// text it is attached to; `dhrlint-disable-file` on the whole document.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dhrlint/document.hpp"
#include "dhrlint/finding.hpp"
#include "lint/engine/fingerprint.hpp"
#include "rules/kit/suppression.hpp"

namespace dhrlint {

struct SuppressionUse {
  std::size_t comment = 0;  // index into Document::comments
  kit::SuppressionDirective directive;
  std::size_t silenced = 0;  // findings it removed
};

// Removes the findings a suppression covers, and returns every suppression
// of the document with how many findings it silenced. A renamed rule's old
// id in a directive works (rule_pattern_matches resolves it). Findings of
// draft/suppression-* rules are never silenced.
std::vector<SuppressionUse> apply_suppressions(const Document& doc, const ParagraphIndex& index,
                                               std::vector<Finding>& findings);

}  // namespace dhrlint
